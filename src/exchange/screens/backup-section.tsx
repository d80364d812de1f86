import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { type Status, StatusMessage } from '../../ui/status-message.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { backupNudge, createBackup } from '../export/backup.ts';
import { download } from '../export/save-file.ts';
import { PassphraseFields, passphraseProblem } from './passphrase-fields.tsx';
import { PlainFileWarning } from './plain-file-warning.tsx';

export function BackupSection() {
  const { kader } = useKader();
  const nudge = useLiveQuery(() => backupNudge(getAppDatabase(), new Date()), []);
  const [secret, setSecret] = useState({ passphrase: '', repeat: '' });
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [askPlain, setAskPlain] = useState(false);
  const makeBackup = async (plainConfirmed = false) => {
    setStatus(undefined);
    setAskPlain(false);
    const problem = passphraseProblem(secret);
    if (problem) return setStatus({ kind: 'error', text: problem });
    // A back-up holds every name and address on this device: a plain one is asked for once more.
    if (!secret.passphrase && !plainConfirmed) return setAskPlain(true);
    setBusy(true);
    try {
      const artifact = await createBackup(getAppDatabase(), {
        kader,
        ...(secret.passphrase ? { passphrase: secret.passphrase } : {}),
      });
      download(new File([artifact.body], artifact.fileName, { type: artifact.mimeType }));
      setStatus({ kind: 'ok', text: `Back-up gedownload: ${artifact.fileName}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: userMessageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="backup-kop">
      <h2 id="backup-kop">Back-up</h2>
      <p>
        Uw gegevens staan alleen op dit apparaat. Een browser kan ze wissen, bijvoorbeeld als de opslag vol raakt of als
        de app lang niet is gebruikt. Bewaar daarom regelmatig een back-up op een veilige plek.
      </p>
      <p data-testid="last-backup">
        Laatste back-up: {nudge?.lastBackupAt ? formatDateTime(nudge.lastBackupAt) : 'nog nooit gemaakt'}.
      </p>
      <PassphraseFields value={secret} onChange={setSecret} />
      <StatusMessage status={status} />
      {askPlain ? (
        <PlainFileWarning
          action="opslaan"
          onConfirm={() => void makeBackup(true)}
          onCancel={() => setAskPlain(false)}
        />
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => void makeBackup()}>
          Back-up maken
        </button>
      )}
      <p className="quiet">
        Terugzetten: lees de back-up in onder Importeren. Wat op dit apparaat staat, blijft staan.
      </p>
    </section>
  );
}

/** On the incident list: a plain nudge when there are unsaved-elsewhere changes older than a week. */
export function BackupNudgeNotice() {
  const nudge = useLiveQuery(() => backupNudge(getAppDatabase(), new Date()), []);
  if (!nudge?.nudge) return null;
  return (
    <p className="alert alert--warning" role="note">
      {nudge.lastBackupAt
        ? `Uw laatste back-up is van ${formatDateTime(nudge.lastBackupAt)} en er is sindsdien iets veranderd.`
        : 'U hebt nog nooit een back-up gemaakt.'}{' '}
      De browser kan gegevens wissen. <a href="/incidenten/delen#backup-kop">Maak een back-up</a>.
    </p>
  );
}
