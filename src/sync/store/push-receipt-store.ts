import type { AppDatabase } from '../../db/database.ts';
import type { SyncMembership } from '../../db/rows.ts';
import type { Change } from '../domain/protocol.ts';
import { laterReceipt, type PushReceipt, receiptVerdict } from '../domain/push-receipt.ts';
import { SyncHttpError } from './api.ts';
import { readMembership, writeMembership } from './membership.ts';

/** Keeps the later receipt, unless the feed has already brought the event back. */
export async function storeReceipt(db: AppDatabase, receipt: PushReceipt): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const membership = await readMembership(db);
    if (!membership?.token || BigInt(membership.cursor) >= BigInt(receipt.seq)) return;
    await writeMembership(db, { ...membership, pushReceipt: laterReceipt(membership.pushReceipt, receipt) });
  });
}

/** For a pull: the receipt when its request left, and whether more pages follow. */
export interface PullCheck {
  receipt: PushReceipt | undefined;
  more: boolean;
}

/**
 * Checks a page of the feed against the receipt (for a pull: the one stored when its request
 * left). Throws `cursor-unknown` when the server no longer has a push it acknowledged (a
 * restored backup), as if it had said so; returns the receipt to forget once the cursor is stored.
 */
export function receiptToSettle(
  membership: SyncMembership,
  changes: readonly Change[],
  cursor: string,
  pull?: PullCheck,
): PushReceipt | undefined {
  const receipt = pull ? pull.receipt : membership.pushReceipt;
  if (!receipt) return undefined;
  const verdict = receiptVerdict(receipt, membership.cursor, changes, cursor, pull?.more);
  if (verdict === 'lost') throw new SyncHttpError(409, 'cursor-unknown', 'De teamserver mist eigen wijzigingen.');
  return verdict === 'confirmed' ? receipt : undefined;
}

/** Forgets a receipt the feed confirmed, unless a later push has stored a newer one meanwhile. */
export async function settleReceipt(db: AppDatabase, receipt: PushReceipt): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const membership = await readMembership(db);
    if (membership?.pushReceipt?.seq !== receipt.seq) return;
    const { pushReceipt: _settled, ...rest } = membership;
    await writeMembership(db, rest);
  });
}
