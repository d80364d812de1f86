import { type GzipSink, gzipSinkInThisThread } from './gzip.ts';

export type GzipWorkerRequest = { kind: 'text'; text: string } | { kind: 'end' };
export type GzipWorkerReply = { kind: 'done'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'failed'; message: string };

/**
 * A gzip sink in a worker where the browser has workers (one per export, ended with
 * it), else in this thread: the same bytes either way.
 */
export function openGzipSink(): GzipSink {
  if (typeof Worker === 'undefined') return gzipSinkInThisThread();
  const worker = new Worker(new URL('./gzip-worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<GzipWorkerReply>) => {
      worker.terminate();
      if (event.data.kind === 'done') resolve(event.data.bytes);
      else reject(new Error(`gzip worker: ${event.data.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`gzip worker: ${event.message}`));
    };
  });
  result.catch(() => {});
  const send = (request: GzipWorkerRequest) => worker.postMessage(request);
  return {
    write: (text) => send({ kind: 'text', text }),
    close() {
      send({ kind: 'end' });
      return result;
    },
    abort: () => worker.terminate(),
  };
}
