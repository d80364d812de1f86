/// <reference lib="webworker" />
import { gzipSinkInThisThread } from './gzip.ts';
import type { GzipWorkerReply, GzipWorkerRequest } from './gzip-sink.ts';

/**
 * Compresses an export's text on the other core while the main thread reads and folds
 * the next incidents: compressing 25 MB takes ~350 ms, as long as the rest together.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const sink = gzipSinkInThisThread();

scope.onmessage = (event: MessageEvent<GzipWorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'text') {
    sink.write(request.text);
    return;
  }
  const failed = (error: unknown) =>
    scope.postMessage({ kind: 'failed', message: String(error) } satisfies GzipWorkerReply);
  sink
    .close()
    .then((bytes) => scope.postMessage({ kind: 'done', bytes } satisfies GzipWorkerReply, [bytes.buffer]))
    // Also a reply that cannot be posted: the page must always hear back.
    .catch(failed);
};
