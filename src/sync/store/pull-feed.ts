import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { cursorAfter, cursorCheckAfter } from '../domain/cursor.ts';
import type { Change, PullResponse } from '../domain/protocol.ts';
import { syncApi } from './api.ts';
import { applyChanges } from './apply-changes.ts';
import { readMembership, updateMembership } from './membership.ts';
import { type PullCheck, receiptToSettle, settleReceipt } from './push-receipt-store.ts';

/**
 * One page of the team's feed, from a pull or a stream message: apply its changes, store the
 * cursor after them, and settle the push receipt the page proves arrived. Nothing without a token.
 */
export async function applyFeedPage(
  db: AppDatabase,
  kader: () => Kader | undefined,
  changes: Change[],
  cursor: unknown,
  check: unknown,
  pull?: PullCheck,
): Promise<void> {
  const membership = await readMembership(db);
  if (!membership?.token) return;
  const settled = receiptToSettle(membership, changes, cursorAfter(cursor), pull);
  await applyChanges(db, changes, kader());
  await updateMembership(db, {
    cursor: cursorAfter(cursor),
    cursorCheck: cursorCheckAfter(check),
    lastSyncAt: new Date().toISOString(),
  });
  if (settled) await settleReceipt(db, settled);
}

/** Pulls page after page from the stored cursor until the server has no more (or the client stopped). */
export async function pullAll(
  db: AppDatabase,
  kader: () => Kader | undefined,
  token: string,
  stopped: () => boolean,
): Promise<void> {
  let more = true;
  while (more && !stopped()) {
    const membership = await readMembership(db);
    if (!membership?.token) return;
    const response: PullResponse = await syncApi.pull(token, membership.cursor, membership.cursorCheck);
    // The receipt as it was when the request left: its last page must reach that push.
    const pull = { receipt: membership.pushReceipt, more: response.more };
    await applyFeedPage(db, kader, response.changes, response.cursor, response.cursorCheck, pull);
    more = response.more;
  }
}
