import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { logTables, readLogs } from '../../db/event-log.ts';
import { readSetting, writeSetting } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import type { LocalLayerRef } from '../../model/local-layer.ts';
import { foldIncident } from '../domain/fold.ts';
import { listRowOf } from './incident-writer.ts';

/** Raise when projectIncident changes what it writes, so existing rows are projected again. */
// 2: rows carry the deadlines of decisions (issue 15).
// 3: steps the municipality marked "not applicable here" no longer count as open.
export const PROJECTION_RULES_VERSION = 3;

const CHUNK = 50;

/**
 * After new framework content or new projection rules, projects every list row again.
 * A row is otherwise rewritten only when its incident changes, so its progress would
 * keep counting the steps of the old content. Works in transactions of 50 incidents,
 * so a tap at the scene waits for one chunk at most, and records what it projected
 * with only at the end: an interrupted run starts again next time. Returns the number
 * of rows written.
 */
export async function refreshProjections(db: AppDatabase, kader: Kader, localLayer?: LocalLayerRef): Promise<number> {
  // The municipality's local layer adds steps to the framework: a new revision is new content too.
  const local = localLayer ? `|${localLayer.municipalityCode}@${localLayer.revision}` : '';
  const target = `${kader.version}|${PROJECTION_RULES_VERSION}${local}`;
  if ((await readSetting('projectedWith', db)) === target) return 0;
  try {
    const ids = (await db.incidents.toCollection().primaryKeys()) as string[];
    let written = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      written += await db.transaction('rw', [...logTables(db), db.incidents], async () => {
        const logs = await readLogs(db, chunk);
        const rows = [...logs.values()].flatMap(({ events }) => {
          const state = foldIncident(events);
          return state ? [listRowOf(state, events, kader)] : [];
        });
        await db.incidents.bulkPut(rows);
        return rows.length;
      });
    }
    await writeSetting('projectedWith', target, db);
    return written;
  } catch (error) {
    throw toStorageError(error);
  }
}
