import type { Address } from './events.ts';
import { sha256Hex } from './hashing.ts';

/**
 * A key to find earlier incidents at the same address (a herhaalaanslag) without
 * putting the address itself in an IndexedDB index, so payloads can later be
 * encrypted at rest without changing queries.
 *
 * This is pseudonymisation, not anonymisation: Dutch postcode + house number has few
 * enough values to enumerate. When encryption at rest arrives, switch to an HMAC with
 * a per-installation secret and recompute the keys in a schema upgrade.
 */
const KEY_PREFIX = 'handelingskader-adres-v1';

export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** "12 A", "12a" and "12-A" are the same house; "12-2" and "122" are not. */
export function normaliseHouseNumber(houseNumber: string): string {
  return (houseNumber.toLowerCase().match(/[a-z]+|\d+/g) ?? []).join('-');
}

export function addressKeyOf(address: Pick<Address, 'postcode' | 'houseNumber'> | undefined): string | undefined {
  if (!address) return undefined;
  const postcode = normalisePostcode(address.postcode ?? '');
  const houseNumber = normaliseHouseNumber(address.houseNumber ?? '');
  if (postcode === '' || houseNumber === '') return undefined;
  return sha256Hex(`${KEY_PREFIX}|${postcode}|${houseNumber}`);
}
