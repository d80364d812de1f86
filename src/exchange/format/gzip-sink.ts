import { type GzipSink, gzipSinkInThisThread } from './gzip.ts';

export type GzipWorkerRequest = { kind: 'text'; text: string } | { kind: 'end' };
export type GzipWorkerReply = { kind: 'done'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'failed'; message: string };

/** The worker could not start, or failed: the caller makes the file another way. */
export class GzipWorkerError extends Error {
  override readonly name = 'GzipWorkerError';
}

/**
 * A gzip sink in a worker where the browser has workers (one per export, ended with
 * it), else in this thread: the same bytes either way. A worker that fails rejects
 * `close()` with a GzipWorkerError.
 */
export function openGzipSink(): GzipSink {
  if (typeof Worker === 'undefined') return gzipSinkInThisThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./gzip-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return gzipSinkInThisThread();
  }
  const result = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    const fail = (detail: string) => {
      worker.terminate();
      reject(new GzipWorkerError(`gzip worker: ${detail}`));
    };
    worker.onmessage = (event: MessageEvent<GzipWorkerReply>) => {
      if (event.data.kind !== 'done') return fail(event.data.message);
      worker.terminate();
      resolve(event.data.bytes);
    };
    // A script that fails to load fires a plain Event, without a message.
    worker.onerror = (event) => fail(event.message || 'did not start');
    worker.onmessageerror = () => fail('unreadable reply');
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
