import type { AppDatabase } from '../../db/database.ts';
import { INITIAL_CURSOR } from '../domain/cursor.ts';
import { readMembership, writeMembership } from './membership.ts';

/**
 * The server answered `cursor-unknown`: its feed is not the one this device's cursor came
 * from (a restored backup, docs/sync-protocol.md "Cursor check"). What the device believed
 * the server holds is void, so in one transaction: the cursor starts again at "0" (the
 * merge is a union by id, so pulling everything again doubles nothing), and no event of a
 * shared incident counts as acknowledged any more. The derived outbox then offers this
 * device's own events again (the server skips those it still has); events of other devices
 * are acknowledged again as the pull brings them back, and those the server lost are
 * rightly shown as staying on this device. Returns how many acknowledgements were dropped.
 */
export async function restartFeed(db: AppDatabase): Promise<number> {
  return db.transaction('rw', db.settings, db.syncIncidents, async () => {
    const membership = await readMembership(db);
    if (!membership?.token) return 0;
    const { cursorCheck: _check, pushReceipt: _receipt, ...rest } = membership;
    await writeMembership(db, { ...rest, cursor: INITIAL_CURSOR });
    const rows = await db.syncIncidents.toArray();
    await db.syncIncidents.bulkPut(rows.map((row) => ({ ...row, acked: [] })));
    return rows.reduce((sum, row) => sum + row.acked.length, 0);
  });
}
