/**
 * Every refusal the API gives: an HTTP status, a machine code the client switches on, and
 * a Dutch sentence it may show as is. Store functions return or throw a Refusal; the HTTP
 * layer only maps it to a response.
 */
export const REFUSALS = {
  'no-token': [401, 'Dit apparaat is niet gekoppeld aan een team. Koppel het opnieuw met een uitnodiging.'],
  'unknown-token': [
    401,
    'Dit apparaat is niet (meer) bekend bij de teamserver. Koppel het opnieuw met een uitnodiging.',
  ],
  'device-revoked': [
    403,
    'Dit apparaat is ingetrokken door de coördinator. Gedeelde incidenten worden van dit apparaat verwijderd.',
  ],
  'role-forbidden': [403, 'Uw rol in het team staat dit niet toe.'],
  'foreign-device-event': [403, 'Een apparaat kan alleen zijn eigen wijzigingen versturen.'],
  'incident-other-team': [403, 'Dit incident hoort bij een ander team.'],
  'invalid-invite': [403, 'Deze uitnodiging is onbekend, verlopen of al gebruikt. Vraag de coördinator om een nieuwe.'],
  'invalid-ticket': [401, 'De live verbinding is verlopen. De app maakt een nieuwe.'],
  'invalid-json': [400, 'Het verzoek is geen geldige JSON.'],
  'invalid-request': [400, 'Het verzoek heeft niet de verwachte vorm.'],
  'invalid-event': [400, 'Een wijziging in het verzoek is ongeldig; er is niets opgeslagen.'],
  'unsupported-media-type': [415, 'Het verzoek moet JSON zijn (Content-Type: application/json).'],
  'body-too-large': [413, 'Het verzoek is te groot. Verstuur de wijzigingen in kleinere delen.'],
  'event-conflict': [409, 'Een wijziging bestaat al met een andere inhoud; er is niets opgeslagen.'],
  'second-incident-created': [409, 'Dit incident is al eens aangemaakt; er is niets opgeslagen.'],
  'incident-unknown': [
    409,
    'De server kent dit incident nog niet: deel eerst het hele incident (met het aanmaken erbij).',
  ],
  'incident-purged': [410, 'Dit incident is verwijderd van de teamserver.'],
  'invalid-local-layer': [
    400,
    'De lokale laag in het verzoek is geen geldig bestand van het Handelingskader; er is niets opgeslagen.',
  ],
  'local-layer-stale': [
    409,
    'De lokale laag van het team is intussen gewijzigd (op een ander apparaat van een coördinator). Er is niets opgeslagen.',
  ],
  'local-layer-other-municipality': [
    409,
    'De lokale laag van het team hoort bij een andere gemeente. Er is niets opgeslagen.',
  ],
  'cursor-unknown': [
    409,
    'De teamserver herkent de stand van dit apparaat niet (bijvoorbeeld na het terugzetten van een back-up). De app haalt alles opnieuw op en biedt de eigen wijzigingen opnieuw aan.',
  ],
  'device-exists': [409, 'Dit apparaat is al gekoppeld aan dit team.'],
  'not-found': [404, 'Niet gevonden.'],
  'rate-limited': [429, 'Te veel verzoeken van dit apparaat. De app probeert het zo opnieuw.'],
  unavailable: [503, 'De teamserver kan nu niet bij zijn database. Uw wijzigingen blijven bewaard en gaan later.'],
  internal: [500, 'Er ging iets mis op de teamserver. Uw wijzigingen blijven bewaard en gaan later.'],
} as const satisfies Record<string, readonly [number, string]>;

export type RefusalCode = keyof typeof REFUSALS;

export class Refusal extends Error {
  readonly status: number;
  constructor(
    readonly code: RefusalCode,
    /** For developers (English), never personal data or secrets. */
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.status = REFUSALS[code][0];
  }

  toBody() {
    return {
      error: { code: this.code, message: REFUSALS[this.code][1], ...(this.detail ? { detail: this.detail } : {}) },
    };
  }
}
