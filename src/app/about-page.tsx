import { useEffect, useState } from 'react';
import { useKader } from '../content/kader-context.tsx';
import { readStorageStatus, type StorageStatus } from '../db/storage-persistence.ts';
import { PersistRequestButton } from '../incidents/screens/storage-risk-notice.tsx';
import { formatMegabytes } from '../ui/format-number.ts';
import { PageTitle } from '../ui/page-title.tsx';
import { InstallHint } from './install-hint.tsx';

export function AboutPage() {
  const { kader } = useKader();
  const [status, setStatus] = useState<StorageStatus>();
  useEffect(() => {
    readStorageStatus().then(setStatus);
  }, []);
  return (
    <>
      <PageTitle title="Over deze app">Over deze app</PageTitle>
      <dl className="facts">
        <dt>Appversie</dt>
        <dd data-testid="app-version">{__APP_VERSION__}</dd>
        <dt>Versie van de inhoud</dt>
        <dd data-testid="content-version">
          {kader.version} ({kader.contentHash})
        </dd>
        <dt>Blijvende opslag</dt>
        <dd data-testid="storage-persisted">
          {status === undefined
            ? 'Wordt gecontroleerd…'
            : !status.supported
              ? 'Deze browser kan geen blijvende opslag geven.'
              : status.persisted
                ? 'Ja: de browser wist uw gegevens niet zomaar.'
                : 'Nee: de browser kan uw gegevens wissen als de opslag vol raakt. Maak regelmatig een back-up.'}
        </dd>
        {status?.supported && (
          <>
            <dt>Gebruikte opslag</dt>
            <dd>
              {formatMegabytes(status.usageBytes)} van {formatMegabytes(status.quotaBytes)}
            </dd>
          </>
        )}
      </dl>
      {status?.supported && !status.persisted && (
        <PersistRequestButton onGranted={() => void readStorageStatus().then(setStatus)} />
      )}
      <InstallHint />
      <h2>Over de inhoud</h2>
      <p>{kader.title}.</p>
      <p>{kader.disclaimer}</p>
      <p className="quiet">{kader.publisher}.</p>
      <h2>Privacy</h2>
      <p>
        Alles wat u in deze app vastlegt, blijft op dit apparaat. De app maakt geen verbinding met andere servers dan
        die waar hij vandaan komt: geen lettertypen, statistieken of advertenties van derden.
      </p>
    </>
  );
}
