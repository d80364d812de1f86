/**
 * Large exports travel gzip-compressed (RFC 1952): a backup of a thousand incidents is
 * 25 MB as JSON and under 2 MB compressed, which mail and chat apps accept. The
 * browser's own CompressionStream does the work; the content stays the same JSON.
 */

/** Plain JSON up to here: a single incident stays readable in any text editor. */
export const COMPRESS_ABOVE_CHARS = 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const sink = gzipSinkInThisThread();
  sink.write(text);
  return sink.close();
}

export type GunzipResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'unreadable'; detail: string };

/** Stops as soon as the output passes maxBytes, so a small hostile file cannot fill memory. */
export async function gunzipText(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<GunzipResult> {
  let output: Uint8Array | undefined;
  try {
    output = await collect(pipeThrough(bytes, new DecompressionStream('gzip')), maxBytes);
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: `gzip: ${String(error)}` };
  }
  if (!output) return { ok: false, reason: 'too-large', detail: `gzip content over ${maxBytes} bytes` };
  return { ok: true, text: new TextDecoder().decode(output) };
}

/** Text written in pieces, compressed as it comes: an export starts compressing before its last incident is read. */
export interface GzipSink {
  write(text: string): void;
  close(): Promise<Uint8Array<ArrayBuffer>>;
  /** Stops without a result, after a failed export. */
  abort(): void;
}

export function gzipSinkInThisThread(): GzipSink {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const output = collect(stream.readable, Infinity);
  // Errors surface on the readable side, through `output`.
  output.catch(() => {});
  const encoder = new TextEncoder();
  return {
    write(text) {
      writer.write(encoder.encode(text)).catch(() => {});
    },
    async close() {
      writer.close().catch(() => {});
      return (await output)!;
    },
    abort() {
      writer.abort().catch(() => {});
    },
  };
}

function pipeThrough(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream) {
  const writer = transform.writable.getWriter();
  // Errors surface on the readable side, where collect() reads them.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  return transform.readable;
}

/** Undefined when the stream yields more than maxBytes (the rest is not read). */
async function collect(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
