import type { Transaction } from 'dexie';
import { type Address, compareEvents, groupByIncident, type IncidentEvent } from '../model/events.ts';
import { sha256Hex } from '../model/hashing.ts';

/**
 * Version 2 indexes incidents by address key. Rows written by version 1 get theirs
 * from their events (the address may have been corrected after creation). Only the
 * new fields are filled: progress needs the framework content, which an upgrade does
 * not have, and the next write recomputes the whole row anyway.
 *
 * A shipped migration must not change when the app's fold does, so it reads the two
 * facts it needs (the current address, the linked incidents) with its own frozen copy
 * of the version-1 rules below, not with foldIncident.
 */
export async function fillAddressKeys(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as IncidentEvent[];
  const byIncident = groupByIncident(events);
  await tx
    .table('incidents')
    .toCollection()
    .modify((row: { id: string; addressKey?: string; linkedIncidentIds?: string[] }) => {
      const facts = readVersion1Facts(row.id, byIncident.get(row.id) ?? []);
      const addressKey = version1AddressKey(facts?.address);
      if (addressKey) row.addressKey = addressKey;
      row.linkedIncidentIds = facts?.linkedIncidentIds ?? [];
    });
}

interface Version1Facts {
  address?: Address;
  linkedIncidentIds: string[];
}

/** The address after every correction, and the incidents linked to, in the one total order of events. */
export function readVersion1Facts(incidentId: string, events: readonly IncidentEvent[]): Version1Facts | undefined {
  const sorted = events.filter(
    (event) =>
      event?.incidentId === incidentId &&
      typeof event.id === 'string' &&
      typeof event.at === 'string' &&
      typeof event.device === 'string' &&
      isObject(event.payload),
  );
  sorted.sort(compareEvents);
  // The first creation event sets the details; every other event applies after it, in
  // order, even one that sorts before it through a skewed clock (as the version-1 fold did).
  const created = sorted.find((event) => event.type === 'incident.created');
  if (created?.type !== 'incident.created') return undefined;
  let address = isObject(created.payload.address) ? created.payload.address : undefined;
  const linkedIncidentIds: string[] = [];
  for (const event of sorted) {
    if (event.type === 'incident.details-changed') {
      if (isObject(event.payload.address)) address = event.payload.address;
      if (Array.isArray(event.payload.clear) && event.payload.clear.includes('address')) address = undefined;
    } else if (event.type === 'incident.linked') {
      const other = event.payload.otherIncidentId;
      if (typeof other === 'string' && other !== incidentId && !linkedIncidentIds.includes(other)) {
        linkedIncidentIds.push(other);
      }
    }
  }
  return { address, linkedIncidentIds };
}

/**
 * The address key as version 1 wrote it (SHA-256 of postcode and house number), frozen
 * here: the app's own key may change (an HMAC under encryption at rest) without
 * changing this shipped migration.
 */
export function version1AddressKey(address: Pick<Address, 'postcode' | 'houseNumber'> | undefined): string | undefined {
  if (!address) return undefined;
  const postcode = String(address.postcode ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  const houseNumber = (
    String(address.houseNumber ?? '')
      .toLowerCase()
      .match(/[a-z]+|\d+/g) ?? []
  ).join('-');
  if (postcode === '' || houseNumber === '') return undefined;
  return sha256Hex(`handelingskader-adres-v1|${postcode}|${houseNumber}`);
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
