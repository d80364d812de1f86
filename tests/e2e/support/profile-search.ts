import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Searches every file of a browser profile for planted strings, the way someone with
 * the phone's storage would: Chromium keeps IndexedDB and localStorage in LevelDB,
 * which compresses table blocks with Snappy, and Blink itself Snappy-compresses large
 * IndexedDB values; strings typed into a page are often stored as UTF-16. So each file
 * is searched as it is, and LevelDB tables, logs and compressed values are decoded
 * first. Strings are searched as UTF-8/Latin-1 bytes and as UTF-16LE.
 */

export function searchProfile(dir: string, needles: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = needles.map((needle) => ({
    needle,
    forms: [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'latin1'), Buffer.from(needle, 'utf16le')],
  }));
  for (const file of filesUnder(dir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const view of decodedViews(file, bytes)) {
      for (const { needle, forms } of patterns) {
        if (forms.some((form) => view.includes(form))) {
          const list = found.get(needle) ?? [];
          if (!list.includes(file)) list.push(file);
          found.set(needle, list);
        }
      }
    }
  }
  return found;
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) yield* filesUnder(path);
    else if (stat.isFile()) yield path;
  }
}

/** The file itself, its decoded LevelDB blocks or log records, and every Snappy-compressed IndexedDB value in them. */
function decodedViews(file: string, bytes: Buffer): Buffer[] {
  const views = [bytes];
  if (/\.(ldb|sst)$/.test(file)) views.push(...tableBlocks(bytes));
  if (/\.log$/.test(file)) views.push(logRecords(bytes));
  for (const view of [...views]) views.push(...compressedValues(view));
  return views;
}

// ---- Snappy (raw block format) ----

function varint(bytes: Buffer, pos: number): [value: number, next: number] | undefined {
  let value = 0;
  let shift = 0;
  for (let i = pos; i < bytes.length && shift < 35; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  return undefined;
}

export function snappyUncompress(input: Buffer, start = 0, end = input.length): Buffer | undefined {
  const head = varint(input, start);
  if (!head || head[0] > 64 * 1024 * 1024) return undefined;
  const [length] = head;
  let pos = head[1];
  const out = Buffer.alloc(length);
  let o = 0;
  while (pos < end && o < length) {
    const tag = input[pos++]!;
    const type = tag & 3;
    if (type === 0) {
      let len = tag >> 2;
      if (len >= 60) {
        const n = len - 59;
        if (pos + n > end) return undefined;
        len = 0;
        for (let i = 0; i < n; i++) len += input[pos + i]! * 2 ** (8 * i);
        pos += n;
      }
      len += 1;
      if (pos + len > end || o + len > length) return undefined;
      input.copy(out, o, pos, pos + len);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (type === 1) {
      if (pos + 1 > end) return undefined;
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | input[pos++]!;
    } else if (type === 2) {
      if (pos + 2 > end) return undefined;
      len = (tag >> 2) + 1;
      offset = input.readUInt16LE(pos);
      pos += 2;
    } else {
      if (pos + 4 > end) return undefined;
      len = (tag >> 2) + 1;
      offset = input.readUInt32LE(pos);
      pos += 4;
    }
    if (offset === 0 || offset > o || o + len > length) return undefined;
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]!;
  }
  return o === length ? out : undefined;
}

// ---- LevelDB tables and logs ----

/** A block at a handle, uncompressed (trailer: 1 byte compression type, 4 bytes CRC). */
function readBlock(bytes: Buffer, offset: number, size: number): Buffer | undefined {
  if (offset + size + 5 > bytes.length) return undefined;
  const type = bytes[offset + size];
  if (type === 0) return bytes.subarray(offset, offset + size);
  if (type === 1) return snappyUncompress(bytes, offset, offset + size);
  return undefined;
}

/** The values of a block's entries (keys are prefix-compressed; values are whole). */
function blockEntries(block: Buffer): { key: Buffer; value: Buffer }[] {
  if (block.length < 4) return [];
  const restarts = block.readUInt32LE(block.length - 4);
  const limit = block.length - 4 - restarts * 4;
  const entries: { key: Buffer; value: Buffer }[] = [];
  let pos = 0;
  let last = Buffer.alloc(0);
  while (pos < limit) {
    const a = varint(block, pos);
    const b = a && varint(block, a[1]);
    const c = b && varint(block, b[1]);
    if (!a || !b || !c) break;
    const [shared, unshared, valueLength] = [a[0], b[0], c[0]];
    pos = c[1];
    const key = Buffer.concat([last.subarray(0, shared), block.subarray(pos, pos + unshared)]);
    pos += unshared;
    entries.push({ key, value: block.subarray(pos, pos + valueLength) });
    pos += valueLength;
    last = key;
  }
  return entries;
}

function tableBlocks(bytes: Buffer): Buffer[] {
  if (bytes.length < 48) return [];
  const footer = bytes.length - 48;
  const meta = varint(bytes, footer);
  const metaSize = meta && varint(bytes, meta[1]);
  const index = metaSize && varint(bytes, metaSize[1]);
  const indexSize = index && varint(bytes, index[1]);
  if (!indexSize || !index) return [];
  const indexBlock = readBlock(bytes, index[0], indexSize[0]);
  if (!indexBlock) return [];
  const blocks: Buffer[] = [];
  for (const { value } of blockEntries(indexBlock)) {
    const offset = varint(value, 0);
    const size = offset && varint(value, offset[1]);
    if (!offset || !size) continue;
    const block = readBlock(bytes, offset[0], size[0]);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** A LevelDB log without its 7-byte record headers, so a value split over 32 KB blocks reads whole. */
function logRecords(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let block = 0; block < bytes.length; block += 32 * 1024) {
    let pos = block;
    const end = Math.min(block + 32 * 1024, bytes.length);
    while (pos + 7 <= end) {
      const length = bytes.readUInt16LE(pos + 4);
      if (length === 0 && bytes[pos + 6] === 0) break;
      parts.push(bytes.subarray(pos + 7, Math.min(pos + 7 + length, end)));
      pos += 7 + length;
    }
  }
  return Buffer.concat(parts);
}

/** Blink marks a Snappy-compressed IndexedDB value with 0xFF 0x11 0x02 before the compressed bytes. */
function compressedValues(view: Buffer): Buffer[] {
  const found: Buffer[] = [];
  const mark = Buffer.from([0xff, 0x11, 0x02]);
  for (let at = view.indexOf(mark); at >= 0; at = view.indexOf(mark, at + 1)) {
    const value = snappyUncompress(view, at + 3);
    if (value) found.push(value);
  }
  return found;
}
