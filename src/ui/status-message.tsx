export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * The outcome of an action: announced politely when it worked, at once when it did not.
 * Both live regions stay in the page (empty while there is nothing to say), so the text
 * arrives in a region a screen reader already watches: a region mounted with its text
 * already inside is not reliably announced.
 */
export function StatusMessage({ status }: { status: Status | undefined }) {
  return (
    <div>
      <div role="status">{status?.kind === 'ok' && <p className="alert alert--ok">{status.text}</p>}</div>
      <div role="alert">{status?.kind === 'error' && <p className="alert alert--error">{status.text}</p>}</div>
    </div>
  );
}
