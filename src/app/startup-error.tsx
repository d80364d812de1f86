import { KaderLoadError } from '../content/load-kader.ts';

/** Shown when the framework cannot be loaded at all (first visit without a connection). */
export function StartupError({ error }: { error: unknown }) {
  const message = error instanceof KaderLoadError ? error.userMessage : 'De app kon niet starten. Probeer het opnieuw.';
  return (
    <main className="app-main">
      <h1>Handelingskader Explosies</h1>
      <div className="alert alert--error" role="alert">
        <p>{message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Opnieuw proberen
        </button>
      </div>
    </main>
  );
}
