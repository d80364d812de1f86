import type { IncidentEvent } from '../../model/events.ts';
import { freeTextFields } from './apply-policy.ts';
import { type KnownTerm, scanForPersonalData } from './personal-data.ts';
import type { PersonalDataKind } from './personal-data-patterns.ts';

/**
 * What is known to be personal in the incidents of one export, for the scan of every
 * kept text: the advisers' names, device ids, the addresses and postcodes, and whatever
 * the patterns recognise in any free text of the export. A name found after a cue word
 * in one text ("bewoonster Fatima El Amrani") is thus also removed from another text
 * where it stands alone ("El Amrani belde terug").
 */
export function knownTerms(incidents: readonly { events: readonly IncidentEvent[] }[], extra: readonly string[]) {
  const terms: KnownTerm[] = [];
  const add = (kind: PersonalDataKind, text: string | undefined) => {
    if (text && text.trim().length >= 2) terms.push({ kind, text: text.trim() });
  };
  const addName = (name: string) => {
    add('name', name);
    for (const part of name.split(/\s+/)) if (part.length >= 3 && !PARTICLES.has(part.toLowerCase())) add('name', part);
  };
  for (const { events } of incidents) {
    for (const event of events) {
      addName(event.actor);
      add('device-id', event.device);
      if (event.type === 'incident.created' || event.type === 'incident.details-changed') {
        const address = event.payload.address;
        if (address) {
          add('address', [address.street, address.houseNumber].filter(Boolean).join(' '));
          add('address', address.street);
          add('postcode', address.postcode);
        }
      }
      for (const { text } of freeTextFields(event)) {
        for (const hit of scanForPersonalData(text)) {
          if (hit.kind === 'name') addName(hit.text);
          else add(hit.kind, hit.text);
        }
      }
    }
  }
  for (const term of extra) add('name', term);
  // Longest first, so "Dorpsstraat 12" is one hit rather than a street and a stray number.
  const unique = new Map(terms.map((term) => [`${term.kind}|${term.text.toLowerCase()}`, term]));
  return [...unique.values()].sort((a, b) => b.text.length - a.text.length);
}

const PARTICLES = new Set(['van', 'der', 'den', 'het', 'ter', 'ten']);
