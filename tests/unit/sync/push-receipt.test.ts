import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/sync/domain/protocol.ts';
import { laterReceipt, receiptVerdict } from '../../../src/sync/domain/push-receipt.ts';
import { readMembership, writeMembership } from '../../../src/sync/store/membership.ts';
import { receiptToSettle, settleReceipt, storeReceipt } from '../../../src/sync/store/push-receipt-store.ts';
import { freshDatabase } from '../incidents/helpers.ts';

const receipt = { seq: '20', check: 'EVT-OWN', incidentId: 'INC-1' };
const event = (seq: string, id: string): Change =>
  ({ seq, type: 'event', receivedAt: '2026-12-02T10:00:00.000Z', event: { id } }) as unknown as Change;

describe('the receipt of the newest push (a restore could lose what the server acknowledged)', () => {
  it('is confirmed by the feed holding the own event at its number, and lost when another change holds it', () => {
    expect(receiptVerdict(receipt, '10', [event('15', 'X'), event('20', 'EVT-OWN')], '20')).toBe('confirmed');
    expect(receiptVerdict(receipt, '10', [event('15', 'X'), event('20', 'EVT-OTHER')], '20')).toBe('lost');
  });

  it('is lost when the feed passes its number without it, or ends below it after the push', () => {
    expect(receiptVerdict(receipt, '10', [event('15', 'X'), event('21', 'Y')], '21')).toBe('lost');
    expect(receiptVerdict(receipt, '10', [event('15', 'X')], '15', false)).toBe('lost');
    // A page with more to come, or a stream message, has not reached it yet.
    expect(receiptVerdict(receipt, '10', [event('15', 'X')], '15', true)).toBe('waiting');
    expect(receiptVerdict(receipt, '10', [event('15', 'X')], '15')).toBe('waiting');
  });

  it('no longer matters once the cursor was past it, or the incident was purged', () => {
    expect(receiptVerdict(receipt, '20', [], '20', false)).toBe('confirmed');
    const purge: Change = { seq: '30', type: 'purge', purgedAt: '2026-12-02T10:00:00.000Z', incidentId: 'INC-1' };
    expect(receiptVerdict(receipt, '10', [purge], '30', false)).toBe('confirmed');
  });

  it('keeps the later of two pushes', () => {
    expect(laterReceipt(receipt, { ...receipt, seq: '9' })).toBe(receipt);
    expect(laterReceipt(receipt, { ...receipt, seq: '100' }).seq).toBe('100');
    expect(laterReceipt(undefined, receipt)).toBe(receipt);
  });

  it('is stored only beyond the cursor, treated as cursor-unknown when lost, and forgotten once confirmed', async () => {
    const db = freshDatabase();
    const base = { teamName: 'Gemeente X', token: 'T'.repeat(43), role: 'adviseur' as const, deviceName: 'A' };
    await writeMembership(db, { ...base, cursor: '25' });
    await storeReceipt(db, receipt);
    expect((await readMembership(db))?.pushReceipt).toBeUndefined();

    await writeMembership(db, { ...base, cursor: '10' });
    await storeReceipt(db, receipt);
    await storeReceipt(db, { ...receipt, seq: '12', check: 'OLDER' });
    const membership = (await readMembership(db))!;
    expect(membership.pushReceipt).toEqual(receipt);

    expect(() => receiptToSettle(membership, [event('20', 'EVT-OTHER')], '20')).toThrow(
      expect.objectContaining({ status: 409, code: 'cursor-unknown' }),
    );
    expect(receiptToSettle(membership, [event('15', 'X')], '15', { receipt, more: true })).toBeUndefined();
    const settled = receiptToSettle(membership, [event('20', 'EVT-OWN')], '20');
    expect(settled).toEqual(receipt);
    // A newer push stored meanwhile stays.
    await storeReceipt(db, { ...receipt, seq: '40', check: 'NEWER' });
    await settleReceipt(db, settled!);
    expect((await readMembership(db))?.pushReceipt?.seq).toBe('40');
    await settleReceipt(db, { ...receipt, seq: '40', check: 'NEWER' });
    expect((await readMembership(db))?.pushReceipt).toBeUndefined();
  });
});
