import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/database.ts';
import { readAllEvents } from '../../../src/db/event-log.ts';
import { exportIncidents, serialiseExport, toArtifact } from '../../../src/exchange/export/export.ts';
import { gzipText } from '../../../src/exchange/format/gzip.ts';
import type { ExchangeFile } from '../../../src/exchange/format/types.ts';
import { applyImport } from '../../../src/exchange/import/import-apply.ts';
import { previewImport } from '../../../src/exchange/import/import-preview.ts';
import {
  IMPORT_MESSAGE,
  type ImportFailureReason,
  MAX_IMPORT_BYTES,
} from '../../../src/exchange/import/import-result.ts';
import { type ImportableFile, readImportFile } from '../../../src/exchange/import/read-import.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt } from '../incidents/helpers.ts';
import { artifactText } from '../support/artifact.ts';
import { runRandomHistory } from '../support/random-history.ts';

const PASSPHRASE = 'lange wachtzin voor de test';
const textFile = (text: string): ImportableFile => ({ size: text.length, text: async () => text });
/** As a picked File: bytes, so a gzip-compressed file is recognised. */
const bytesFile = (bytes: Uint8Array<ArrayBuffer>): ImportableFile => ({
  size: bytes.byteLength,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.slice().buffer,
});

interface Case {
  name: string;
  file: ImportableFile;
  passphrase?: string;
  /** Refused when reading, or (for files that are valid on their own) by preview and apply. */
  expected?: ImportFailureReason;
}

let valid: ExchangeFile;
let validText: string;
let encryptedText: string;
let gzipped: Record<'valid' | 'bomb' | 'notJson' | 'pollution', Uint8Array<ArrayBuffer>>;
let db: AppDatabase;

beforeAll(async () => {
  const source = freshDatabase();
  await runRandomHistory(source, 3, { steps: 30 });
  const commands = commandsFor(source);
  const { incidentId } = await commands.createIncident(homeAt('3512AB', '7'), 'direct-na', '2026.1');
  await commands.addLogEntry(incidentId, 'iets');
  await commands.recordDecision(incidentId, {
    instrumentId: 'x',
    outcome: 'genomen',
    considerations: [{ considerationId: 'c', checked: true, note: 'n' }],
    motivation: 'm',
    decidedAt: '2026-03-01T21:00:00.000Z',
  });
  valid = await exportIncidents(source, { incidentIds: 'all', now: new Date('2026-03-02T10:00:00.000Z') });
  validText = serialiseExport(valid);
  encryptedText = await artifactText(await toArtifact(valid, { passphrase: PASSPHRASE }));
  gzipped = {
    valid: await gzipText(validText),
    // Zeros shrink a thousandfold: a small file that would unpack to more than the limit.
    bomb: await gzipText('0'.repeat(MAX_IMPORT_BYTES + 1024)),
    notJson: await gzipText('dit is geen JSON'),
    pollution: await gzipText(validText.replace('{', '{"__proto__":{"polluted":true},')),
  };

  // The device the hostile files are imported into already holds work of its own.
  db = freshDatabase();
  await runRandomHistory(db, 11, { steps: 20 });
  const own = await exportIncidents(source, { incidentIds: [incidentId] });
  const read = await readImportFile(textFile(serialiseExport(own)));
  if (!read.ok) throw new Error(read.detail);
  await applyImport(db, read.file);
  const anonymised = await exportIncidents(source, { incidentIds: 'all', anonymise: {} });
  const network = await readImportFile(textFile(serialiseExport(anonymised)));
  if (!network.ok) throw new Error(network.detail);
  await applyImport(db, network.file);
}, 30_000);

const clone = (): Record<string, unknown> => JSON.parse(validText);

/** Every path into the first incident's summary and its first events, plus the header. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 0) out.push(prefix);
  if (typeof value !== 'object' || value === null) return out;
  const entries = Array.isArray(value) ? value.slice(0, 3).map((item, i) => [i, item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (prefix[0] === 'incidents' && typeof key === 'number' && prefix.length === 1 && key > 0) continue;
    paths(child, [...prefix, key], out);
  }
  return out;
}

function at(
  root: unknown,
  path: (string | number)[],
): { parent: Record<string | number, unknown>; key: string | number } {
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  return { parent, key: path[path.length - 1]! };
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'veertig';
  if (typeof value === 'boolean') return 'ja';
  if (Array.isArray(value)) return { length: 0 };
  if (value === null) return 'null';
  return 'geen object';
}

function cases(): Case[] {
  const list: Case[] = [];
  const add = (name: string, text: string, expected?: ImportFailureReason) =>
    list.push({ name, file: textFile(text), ...(expected ? { expected } : {}) });
  const mutate = (name: string, change: (file: Record<string, unknown>) => void, expected?: ImportFailureReason) => {
    const file = clone();
    change(file);
    add(name, JSON.stringify(file), expected);
  };

  // Cut off at many places, as an interrupted download would.
  for (let i = 0; i < 60; i++) {
    const cut = Math.floor(((i + 0.5) * validText.trimEnd().length) / 60);
    add(`truncated at ${cut}`, validText.slice(0, cut), 'unreadable');
  }
  // A wrong type at every field path of the header, one incident summary and its first events.
  for (const path of paths(clone())) {
    mutate(`wrong type at ${path.join('.')}`, (file) => {
      const { parent, key } = at(file, path);
      parent[key] = wrongTypeFor(parent[key]);
    });
  }
  // Keys that pollute prototypes when a file is merged into objects, at many depths.
  const objectPaths = paths(clone()).filter((path) => {
    const { parent, key } = at(clone(), path);
    const value = parent[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  for (const hostile of ['__proto__', 'constructor', 'prototype']) {
    for (const path of [[], ...objectPaths.slice(0, 12)]) {
      mutate(
        `${hostile} at ${path.join('.') || 'top'}`,
        (file) => {
          const target = path.length ? (at(file, path).parent[at(file, path).key] as object) : file;
          Object.defineProperty(target, hostile, {
            value: { polluted: 'ja', toString: 'x' },
            enumerable: true,
            configurable: true,
            writable: true,
          });
        },
        'invalid-content',
      );
    }
  }
  list.push({
    name: 'a huge file',
    file: { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) },
    expected: 'too-large',
  });
  list.push({
    name: 'a file that claims to be small and is not',
    file: { size: 10, text: async () => ' '.repeat(MAX_IMPORT_BYTES + 1) },
    expected: 'too-large',
  });
  list.push({
    name: 'a file that cannot be read',
    file: { size: 10, text: () => Promise.reject(new Error('io')) },
    expected: 'unreadable',
  });
  list.push({
    name: 'a size that is not a number',
    file: { size: Number.NaN, text: async () => validText },
    expected: 'unreadable',
  });
  add('an empty file', '', 'unreadable');
  add('binary garbage', '\u0000\u0001PK\u0003\u0004', 'unreadable');
  // Parsed without a reviver (no suspect keys), so deep nesting parses and is then no export file.
  add('deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'foreign-format');
  add('deeply nested arrays with an escape', `${'['.repeat(100_000)}"\\u0041"${']'.repeat(100_000)}`, 'unreadable');
  for (const [name, text] of [
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"handelingskader-export"'],
    ['an array', '[]'],
    ['an empty object', '{}'],
    ['the framework', JSON.stringify({ format: 'handelingskader-kader', version: '2026.1' })],
    ['another app', JSON.stringify({ type: 'excalidraw', version: 2 })],
  ] as const) {
    add(`foreign format: ${name}`, text, 'foreign-format');
  }
  for (const version of [2, 99])
    mutate(
      `version ${version}`,
      (file) => {
        file.version = version;
      },
      'newer-version',
    );
  for (const version of [0, -1, 1.5, '1', null]) {
    mutate(
      `version ${JSON.stringify(version)}`,
      (file) => {
        file.version = version;
      },
      'invalid-content',
    );
  }

  const events = (file: Record<string, unknown>) =>
    (file.incidents as { incident: { id: string }; events: Record<string, unknown>[] }[])[0]!;
  mutate(
    'an unknown event type',
    (file) => {
      events(file).events[1]!.type = 'incident.exploded';
    },
    'invalid-content',
  );
  mutate(
    'a payload of another type',
    (file) => {
      events(file).events[0]!.type = 'step.status-set';
    },
    'invalid-content',
  );
  mutate(
    'an event of another incident',
    (file) => {
      events(file).events[1]!.incidentId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    },
    'invalid-content',
  );
  mutate('a file without the incident.created event', (file) => void events(file).events.shift(), 'invalid-content');
  mutate(
    'the same incident twice',
    (file) => {
      (file.incidents as unknown[]).push((file.incidents as unknown[])[0]);
    },
    'invalid-content',
  );
  mutate(
    'a duplicated event id with other content',
    (file) => {
      const list = events(file).events;
      list.push({ ...list[list.length - 1]!, at: '2030-01-01T00:00:00.000Z' });
    },
    'invalid-content',
  );
  for (const date of ['gisteren', '2026-13-45T25:61:00.000Z', '2026-03-01T22:00:00Z', '2026-03-01 22:00', '']) {
    mutate(
      `event time ${JSON.stringify(date)}`,
      (file) => {
        events(file).events[0]!.at = date;
      },
      'invalid-content',
    );
  }
  for (const date of ['gisteren', '2026-02-30xx', '1e9']) {
    mutate(
      `incident date ${JSON.stringify(date)}`,
      (file) => {
        (events(file).events[0]!.payload as Record<string, unknown>).occurredAt = date;
      },
      'invalid-content',
    );
  }
  mutate(
    'a note of three megabytes',
    (file) => {
      const incident = (file.incidents as { events: Record<string, unknown>[] }[]).find((item) =>
        item.events.some((event) => event.type === 'log.entry-added'),
      )!;
      const entry = incident.events.find((event) => event.type === 'log.entry-added')!;
      (entry.payload as Record<string, unknown>).text = 'x'.repeat(3_000_000);
    },
    'invalid-content',
  );
  mutate('an unknown step status', (file) => {
    const incident = (file.incidents as { events: Record<string, unknown>[] }[]).find((item) =>
      item.events.some((event) => event.type === 'step.status-set'),
    );
    const event = incident?.events.find((candidate) => candidate.type === 'step.status-set');
    if (!event) throw new Error('the test data has no step.status-set event');
    (event.payload as Record<string, unknown>).status = 'half';
  });

  // Gzip-compressed files: cut off, a changed byte, a bomb, not JSON inside, hostile JSON inside.
  const gz = gzipped.valid;
  list.push({ name: 'gzip cut off halfway', file: bytesFile(gz.slice(0, gz.length >> 1)), expected: 'unreadable' });
  list.push({ name: 'gzip header only', file: bytesFile(gz.slice(0, 10)), expected: 'unreadable' });
  for (const position of [12, gz.length >> 1, gz.length - 6]) {
    const changed = gz.slice();
    changed[position] = changed[position]! ^ 0xff;
    list.push({ name: `gzip, byte changed at ${position}`, file: bytesFile(changed), expected: 'unreadable' });
  }
  list.push({ name: 'gzip bomb', file: bytesFile(gzipped.bomb), expected: 'too-large' });
  list.push({ name: 'gzip of text that is not JSON', file: bytesFile(gzipped.notJson), expected: 'unreadable' });
  list.push({ name: 'gzip of JSON with __proto__', file: bytesFile(gzipped.pollution), expected: 'invalid-content' });

  // Encrypted files: no passphrase, a wrong one, changed bytes, changed parameters.
  list.push({ name: 'encrypted without passphrase', file: textFile(encryptedText), expected: 'needs-passphrase' });
  for (const wrong of ['fout', `${PASSPHRASE} `, PASSPHRASE.toUpperCase()]) {
    list.push({
      name: `wrong passphrase "${wrong}"`,
      file: textFile(encryptedText),
      passphrase: wrong,
      expected: 'wrong-passphrase',
    });
  }
  const envelope = JSON.parse(encryptedText);
  const ciphertext: string = envelope.ciphertext;
  for (let i = 0; i < 16; i++) {
    const position = Math.floor(((i + 0.5) * (ciphertext.length - 4)) / 16);
    const flipped = ciphertext[position] === 'A' ? 'B' : 'A';
    const changed = {
      ...envelope,
      ciphertext: ciphertext.slice(0, position) + flipped + ciphertext.slice(position + 1),
    };
    list.push({
      name: `encrypted, byte changed at ${position}`,
      file: textFile(JSON.stringify(changed)),
      passphrase: PASSPHRASE,
      expected: 'wrong-passphrase',
    });
  }
  const withHeader = (name: string, change: (copy: typeof envelope) => void, expected: ImportFailureReason) => {
    const copy = JSON.parse(encryptedText);
    change(copy);
    list.push({ name, file: textFile(JSON.stringify(copy)), passphrase: PASSPHRASE, expected });
  };
  withHeader(
    'encrypted, iterations raised',
    (copy) => {
      copy.kdf.iterations += 1;
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, iterations lowered',
    (copy) => {
      copy.kdf.iterations = 1000;
    },
    'unsafe-parameters',
  );
  withHeader(
    'encrypted, iterations absurd',
    (copy) => {
      copy.kdf.iterations = 1e12;
    },
    'unsafe-parameters',
  );
  withHeader(
    'encrypted, other salt',
    (copy) => {
      copy.kdf.salt = 'AAAAAAAAAAAAAAAAAAAAAA==';
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, other iv',
    (copy) => {
      copy.cipher.iv = 'AAAAAAAAAAAAAAAA';
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, short iv',
    (copy) => {
      copy.cipher.iv = 'AAAA';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, other cipher',
    (copy) => {
      copy.cipher.name = 'AES-CBC';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, other hash',
    (copy) => {
      copy.kdf.hash = 'SHA-1';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, ciphertext cut short',
    (copy) => {
      copy.ciphertext = copy.ciphertext.slice(0, 40);
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, ciphertext not base64',
    (copy) => {
      copy.ciphertext = '!!!!';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, version 2',
    (copy) => {
      copy.version = 2;
    },
    'invalid-content',
  );
  add('encrypted, cut off', encryptedText.slice(0, encryptedText.length / 2), 'unreadable');
  return list;
}

describe('a bad or hostile file', () => {
  it('is refused with a Dutch message, and the database and Object.prototype stay exactly as they were', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    const before = await dumpDatabase(db);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const messages = new Set(Object.values(IMPORT_MESSAGE));

    for (const testCase of all) {
      const read = await readImportFile(testCase.file, testCase.passphrase ? { passphrase: testCase.passphrase } : {});
      let result = read;
      if (read.ok) {
        // Valid on its own: then preview and apply must refuse it (e.g. conflicting with what is stored).
        const preview = await previewImport(db, read.file);
        const applied = await applyImport(db, read.file);
        expect(preview.ok, testCase.name).toBe(false);
        result = applied.ok ? read : applied;
      }
      expect(result.ok, testCase.name).toBe(false);
      if (result.ok) continue;
      if (testCase.expected) expect(result.reason, testCase.name).toBe(testCase.expected);
      expect(messages.has(result.message), testCase.name).toBe(true);
    }

    expect(await dumpDatabase(db)).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  }, 120_000);

  it('that reuses a stored event id with other content is refused by preview and apply, and nothing is written', async () => {
    const stored = (await readAllEvents(db)).find((event) => event.type === 'log.entry-added')!;
    const incident = await db.incidents.get(stored.incidentId);
    const events = (await readAllEvents(db)).filter((event) => event.incidentId === stored.incidentId);
    const forged = events.map((event) =>
      event.id === stored.id ? { ...event, payload: { ...event.payload, text: 'vervalst' } } : event,
    );
    const file: ExchangeFile = { ...valid, incidents: [{ incident: incident!, events: forged as IncidentEvent[] }] };
    const read = await readImportFile(textFile(JSON.stringify(file)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const before = await dumpDatabase(db);
    expect(await previewImport(db, read.file)).toMatchObject({ ok: false, reason: 'conflicting-content' });
    expect(await applyImport(db, read.file)).toMatchObject({ ok: false, reason: 'conflicting-content' });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
