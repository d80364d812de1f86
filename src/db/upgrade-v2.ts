import type { Transaction } from 'dexie';
import { foldIncident } from '../incidents/domain/fold.ts';
import { addressKeyOf } from '../model/address-key.ts';
import { groupByIncident, type IncidentEvent } from '../model/events.ts';

/**
 * Version 2 indexes incidents by address key. Rows written by version 1 get theirs
 * from their events (the address may have been corrected after creation). Only the
 * new fields are filled: progress needs the framework content, which an upgrade does
 * not have, and the next write recomputes the whole row anyway.
 */
export async function fillAddressKeys(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as IncidentEvent[];
  const byIncident = groupByIncident(events);
  await tx
    .table('incidents')
    .toCollection()
    .modify((row: { id: string; addressKey?: string; linkedIncidentIds?: string[] }) => {
      const state = foldIncident(byIncident.get(row.id) ?? []);
      const addressKey = addressKeyOf(state?.details.address);
      if (addressKey) row.addressKey = addressKey;
      row.linkedIncidentIds = state?.links.map((link) => link.incidentId) ?? [];
    });
}
