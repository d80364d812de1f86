import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { readLocalChanges } from '../store/local-store.ts';
import { EditorPage } from './editor-page-parts.tsx';
import './local.css';

const PAGE = 100;

/** Every saved change of the layer, newest first: who, when, what. */
export function LocalHistoryPage() {
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string>();
  const changes = useLiveQuery(
    () =>
      readLocalChanges({ limit: limit + 1 }).catch((e: unknown) => {
        setError(userMessageOf(e));
        return [];
      }),
    [limit],
  );
  return (
    <EditorPage title="Geschiedenis van de lokale laag">
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {changes === undefined ? (
        <p className="quiet">Laden…</p>
      ) : changes.length === 0 ? (
        <p className="quiet">Nog geen wijzigingen.</p>
      ) : (
        <ol className="local-history">
          {changes.slice(0, limit).map((change) => (
            <li key={change.revision} className="local-history__item">
              <p className="local-history__what">{change.summary}</p>
              <p className="local-history__meta">
                {formatDateTime(change.at)}, {change.actor || 'onbekend'} · revisie {change.revision}
              </p>
            </li>
          ))}
        </ol>
      )}
      {changes && changes.length > limit && (
        <button type="button" className="button button--secondary" onClick={() => setLimit(limit + PAGE)}>
          Oudere wijzigingen tonen
        </button>
      )}
    </EditorPage>
  );
}
