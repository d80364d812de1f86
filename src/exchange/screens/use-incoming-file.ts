import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A file that reaches the app from outside, for the import preview:
 * - shared from another app (share_target): the service worker (public/share-target-sw.js)
 *   keeps it in a cache and opens /incidenten/delen?gedeeld=1;
 * - opened with the installed app (file_handlers): Chromium hands it to window.launchQueue.
 * Each file is handed over once; the shared copy is deleted as soon as it is read.
 */

const SHARED_CACHE = 'gedeeld-bestand';
const SHARED_KEY = '/gedeeld-bestand';

interface LaunchParams {
  files?: readonly { getFile(): Promise<File> }[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

export type IncomingProblem = 'empty' | 'failed';

export const INCOMING_PROBLEM_MESSAGE: Record<IncomingProblem, string> = {
  empty: 'Er kwam geen bestand mee met het delen. Kies het bestand hieronder. Er is niets veranderd.',
  failed: 'Het gedeelde bestand kon niet worden gelezen. Kies het bestand hieronder. Er is niets veranderd.',
};

export function useIncomingFile(onFile: (file: File) => void, onProblem: (problem: IncomingProblem) => void) {
  const [params, setParams] = useSearchParams();
  const shared = params.get('gedeeld');
  const handlers = useRef({ onFile, onProblem });
  handlers.current = { onFile, onProblem };

  useEffect(() => {
    const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue;
    queue?.setConsumer(async (launch) => {
      const handle = launch.files?.[0];
      if (handle) handlers.current.onFile(await handle.getFile());
    });
  }, []);

  useEffect(() => {
    if (!shared) return;
    // Drop the marker, so a reload does not look for the file again.
    setParams(
      (current) => {
        current.delete('gedeeld');
        return current;
      },
      { replace: true },
    );
    if (shared === 'leeg') return handlers.current.onProblem('empty');
    if (shared !== '1') return handlers.current.onProblem('failed');
    void takeSharedFile().then(
      (file) => (file ? handlers.current.onFile(file) : handlers.current.onProblem('failed')),
      () => handlers.current.onProblem('failed'),
    );
  }, [shared, setParams]);
}

async function takeSharedFile(): Promise<File | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const cache = await caches.open(SHARED_CACHE);
  const response = await cache.match(SHARED_KEY);
  if (!response) return undefined;
  const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'gedeeld-bestand.json');
  const file = new File([await response.blob()], name, { type: response.headers.get('content-type') ?? '' });
  await cache.delete(SHARED_KEY);
  return file;
}
