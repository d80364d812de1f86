export function UnverifiedNote({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <aside className="alert alert--warning" aria-label="Niet geverifieerd">
      <strong>Let op: niet geverifieerd.</strong> {text}
    </aside>
  );
}
