import type { Change } from './protocol.ts';

/**
 * Where the server put this device's newest pushed event (docs/sync-protocol.md, "Cursor
 * check"). The cursor check covers what a device pulled; the receipt covers what it pushed
 * beyond that: until the feed has brought the event back, a restored backup could have lost
 * it, and the device would never send it again (it counts as acknowledged).
 */
export interface PushReceipt {
  seq: string;
  /** The id of the event at `seq`. */
  check: string;
  incidentId: string;
}

/** 'waiting': the feed has not reached it yet; 'confirmed': it has, or it no longer matters; 'lost': the server lost it. */
export type ReceiptVerdict = 'waiting' | 'confirmed' | 'lost';

/**
 * What a page of the feed says about a receipt. `before` is the cursor the page follows and
 * `after` the one it ends at. `more` only for a pull whose request left after the receipt was
 * stored: its last page (`more: false`) holds everything committed, so also the event.
 */
export function receiptVerdict(
  receipt: PushReceipt,
  before: string,
  changes: readonly Change[],
  after: string,
  more?: boolean,
): ReceiptVerdict {
  const seq = BigInt(receipt.seq);
  // Already brought back before the receipt was stored (a stream can be faster than the push's answer).
  if (BigInt(before) >= seq) return 'confirmed';
  // A purged incident's events leave the feed; the purge notice says why.
  if (changes.some((c) => c.type === 'purge' && c.incidentId === receipt.incidentId)) return 'confirmed';
  const at = changes.find((c) => c.seq === receipt.seq);
  if (at) return at.type === 'event' && at.event.id === receipt.check ? 'confirmed' : 'lost';
  if (BigInt(after) >= seq) return 'lost';
  return more === false ? 'lost' : 'waiting';
}

/** The receipt to keep: the later of the two (every event up to it was acknowledged before). */
export function laterReceipt(kept: PushReceipt | undefined, next: PushReceipt): PushReceipt {
  return kept && BigInt(kept.seq) >= BigInt(next.seq) ? kept : next;
}
