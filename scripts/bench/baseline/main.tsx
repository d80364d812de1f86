/// <reference types="vite-plugin-pwa/client" />
// The baseline for offline_start_ms: the smallest app built on the same stack (React,
// Dexie, a precaching service worker) that shows a list of four phases.

import { registerSW } from 'virtual:pwa-register';
import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

registerSW({ immediate: true });

const db = new Dexie('baseline');
db.version(1).stores({ settings: 'key' });

function App() {
  const [phases, setPhases] = useState<string[]>();
  useEffect(() => {
    Promise.all([fetch('/phases.json').then((r) => r.json()), db.table('settings').count()]).then(([list]) =>
      setPhases(list),
    );
  }, []);
  useEffect(() => {
    if (phases) performance.mark('phase-list-visible');
  }, [phases]);
  if (!phases) return <p>Laden…</p>;
  return (
    <ol className="phase-list">
      {phases.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ol>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
