import { afterEach, describe, expect, it } from 'vitest';
import { GENERIC_MESSAGE, QUOTA_MESSAGE, StorageError } from '../../../src/db/storage-error.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt } from '../incidents/helpers.ts';

type Method = 'add' | 'put';
const originals = { add: IDBObjectStore.prototype.add, put: IDBObjectStore.prototype.put };

/** Makes every add/put on the given object stores throw, as a full disk would. */
function failWritesTo(storeNames: string[], error: () => Error) {
  for (const method of ['add', 'put'] as Method[]) {
    const original = originals[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if (storeNames.includes(this.name)) throw error();
      return original.apply(this, args);
    };
  }
}

afterEach(() => {
  IDBObjectStore.prototype.add = originals.add;
  IDBObjectStore.prototype.put = originals.put;
});

/** A log row, or the small row a tap appends to a log this tab already holds. */
const EVENT_LOG_STORES = ['logs', 'appendedEvents'];

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function databaseWithOneIncident() {
  const db = freshDatabase();
  const commands = commandsFor(db);
  const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
  await commands.addLogEntry(incidentId, 'eerste');
  return { db, commands, incidentId, before: await dumpDatabase(db) };
}

describe('a failed write', () => {
  it('a full disk while writing the event log leaves the database unchanged and says so in Dutch', async () => {
    const { db, commands, incidentId, before } = await databaseWithOneIncident();
    failWritesTo(EVENT_LOG_STORES, quota);

    const error = await commands.addLogEntry(incidentId, 'tweede').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).failure).toBe('quota');
    expect((error as StorageError).userMessage).toBe(QUOTA_MESSAGE);
    expect((error as StorageError).cause).toBeDefined();

    const created = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', 'v').catch((e: unknown) => e);
    expect(created).toBeInstanceOf(StorageError);

    IDBObjectStore.prototype.add = originals.add;
    IDBObjectStore.prototype.put = originals.put;
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('a failure writing the list row after the event rolls the event back too', async () => {
    const { db, commands, incidentId, before } = await databaseWithOneIncident();
    failWritesTo(['incidents'], quota);
    await expect(commands.addStepNote(incidentId, 'direct-na.x', 'notitie')).rejects.toBeInstanceOf(StorageError);
    await expect(commands.closeIncident(incidentId)).rejects.toBeInstanceOf(StorageError);
    IDBObjectStore.prototype.add = originals.add;
    IDBObjectStore.prototype.put = originals.put;
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('other storage failures get the generic Dutch message and keep the cause', async () => {
    const { db, commands, incidentId, before } = await databaseWithOneIncident();
    const cause = new DOMException('disk on fire', 'UnknownError');
    failWritesTo(EVENT_LOG_STORES, () => cause);
    const error = (await commands.addLogEntry(incidentId, 'x').catch((e: unknown) => e)) as StorageError;
    expect(error.failure).toBe('other');
    expect(error.userMessage).toBe(GENERIC_MESSAGE);
    expect(JSON.stringify(error.message)).toContain('disk on fire');
    IDBObjectStore.prototype.add = originals.add;
    IDBObjectStore.prototype.put = originals.put;
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
