import type { Address } from '../../model/events.ts';

/** "Dorpsstraat 12a, 3512 AB Utrecht": the full address as a letter would carry it. */
export function fullAddress(address: Address | undefined): string {
  if (!address) return '';
  const street = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const place = [address.postcode, address.city].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ');
}
