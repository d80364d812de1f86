import { type ImportFailureReason, MAX_IMPORT_BYTES } from '../../../src/exchange/import/import-result.ts';
import { envelopeCases } from './hostile-envelope-cases.ts';

/**
 * Broken and hostile variants of a valid export file: cut off, wrong types at every
 * field path, prototype keys, forged structure, damaged gzip and encryption. Each is
 * either refused on reading or, valid on its own, by preview and apply.
 */

import { at, type Case, type HostileSource, paths, textFile, wrongTypeFor } from './hostile-support.ts';

export function hostileCases(source: HostileSource): Case[] {
  const { validText } = source;
  const clone = (): Record<string, unknown> => JSON.parse(validText);
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

  list.push(...envelopeCases(source));
  return list;
}
