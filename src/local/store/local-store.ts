import { liveQuery } from 'dexie';
import { ulid } from 'ulid';
import type { Kader } from '../../content/schema.ts';
import { type AppDatabase, getAppDatabase } from '../../db/database.ts';
import type { LocalLayerRow } from '../../db/rows.ts';
import { getActorName } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import type { LocalChange, LocalLayer } from '../../model/local-layer.ts';
import { applyLocalEdit, type LocalEdit } from '../domain/edits.ts';
import { LocalLayerError } from '../domain/local-layer-error.ts';

/**
 * The local layer in IndexedDB: one document (`localLayer`, row 'eigen') read whole at
 * start-up, and an append-only history (`localChanges`, one row per revision: who, when,
 * what, the entry before and after).
 *
 * Chosen over an event log folded at every start: the app reads the layer on every start
 * (the overlay needs all of it), and one small row is one read however long the history
 * grows; the history is read only by the editor. Every change writes both rows in one
 * transaction that also reads the layer, so the history never misses a revision and a
 * second tab's change is built on, not overwritten (IndexedDB runs overlapping read-write
 * transactions one after the other).
 */

const ROW_ID = 'eigen';

export interface LocalWriteContext {
  /** The national framework (annotations record the hash of its text). */
  national: Kader;
  /** Who; defaults to the adviser's name from the settings, read in the same transaction. */
  actor?: string;
  db?: AppDatabase;
  now?: () => Date;
}

export interface LocalWriteResult {
  layer: LocalLayer;
  change: LocalChange;
}

function toLayer(row: LocalLayerRow | undefined): LocalLayer | undefined {
  if (!row) return undefined;
  const { id: _id, ...layer } = row;
  return layer;
}

/** The layer as stored, or undefined when the municipality has not set one up on this device. */
export async function readLocalLayer(db: AppDatabase = getAppDatabase()): Promise<LocalLayer | undefined> {
  try {
    return toLayer(await db.localLayer.get(ROW_ID));
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The history, newest first. */
export async function readLocalChanges(options: { limit?: number; db?: AppDatabase } = {}): Promise<LocalChange[]> {
  const db = options.db ?? getAppDatabase();
  try {
    const newestFirst = db.localChanges.orderBy('revision').reverse();
    return await (options.limit ? newestFirst.limit(options.limit) : newestFirst).toArray();
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Calls back with the stored layer now and after every change, from this tab or another
 * (Dexie's live query). Returns the unsubscribe function.
 */
export function observeLocalLayer(
  onLayer: (layer: LocalLayer | undefined) => void,
  onError: (error: unknown) => void = () => {},
  db: AppDatabase = getAppDatabase(),
): () => void {
  const subscription = liveQuery(() => db.localLayer.get(ROW_ID)).subscribe({
    next: (row) => onLayer(toLayer(row)),
    error: (error) => onError(toStorageError(error)),
  });
  return () => subscription.unsubscribe();
}

/**
 * Applies one edit: reads the layer, applies the pure edit, writes the layer and its history
 * row, all in one transaction. Rejects with LocalLayerError (refused, Dutch message) or
 * StorageError; either way nothing was written.
 */
export async function editLocalLayer(edit: LocalEdit, context: LocalWriteContext): Promise<LocalWriteResult> {
  const db = context.db ?? getAppDatabase();
  const at = (context.now?.() ?? new Date()).toISOString();
  try {
    return await db.transaction('rw', [db.localLayer, db.localChanges, db.settings], async () => {
      const before = toLayer(await db.localLayer.get(ROW_ID));
      const actor = context.actor ?? (await getActorName(db));
      const result = applyLocalEdit(before, edit, {
        actor,
        at,
        national: context.national,
        newId: () => ulid().toLowerCase(),
      });
      await writeLayer(db, result.layer, [result.change]);
      return result;
    });
  } catch (error) {
    if (error instanceof LocalLayerError) throw error;
    throw toStorageError(error);
  }
}

/** For the store's own writers (edits, imports): the document and its history rows, in the caller's transaction. */
export async function writeLayer(db: AppDatabase, layer: LocalLayer, changes: readonly LocalChange[]): Promise<void> {
  await db.localLayer.put({ id: ROW_ID, ...layer });
  // add, not put: a revision that exists already means two writers built on the same layer.
  await db.localChanges.bulkAdd([...changes]);
}

/**
 * Removes the layer, the copies' sources and the history from this device (a team device that
 * was revoked: the team's layer holds internal contacts and stays safe on the server).
 */
export async function forgetLocalLayer(db: AppDatabase = getAppDatabase()): Promise<void> {
  try {
    await db.transaction('rw', [db.localLayer, db.localChanges], async () => {
      await db.localLayer.clear();
      await db.localChanges.clear();
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
