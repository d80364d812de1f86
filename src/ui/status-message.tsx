export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

/** The outcome of an action: announced politely when it worked, at once when it did not. */
export function StatusMessage({ status }: { status: Status | undefined }) {
  if (!status) return null;
  return (
    <p className={`alert alert--${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
      {status.text}
    </p>
  );
}
