import type { LocalContact, LocalSource, LocalStep } from '../../model/local-layer.ts';
import { CONTACT_VISIBILITIES } from '../../model/local-layer.ts';
import { PHASE_IDS, STEP_KINDS, TARGETS, TIME_WINDOW_IDS } from '../../model/vocabulary.ts';
import { EMAIL_PATTERN, HTTP_URL_PATTERN, LOCAL_LIMITS, PHONE_PATTERN } from '../format/rules.ts';
import { refuse } from './local-layer-error.ts';

/**
 * Checks what the editor saves, with a Dutch sentence per problem. Returns a clean copy
 * (trimmed text, no empty optional fields); throws LocalLayerError on the first problem.
 */

const isString = (value: unknown): value is string => typeof value === 'string';

/** Counted in code points, as the published JSON Schema counts maxLength. */
const length = (text: string) => [...text].length;

export function requireText(value: unknown, label: string, max: number): string {
  const text = isString(value) ? value.trim() : '';
  if (!text) throw refuse(`Vul ${label} in.`);
  if (length(text) > max) throw refuse(`${capital(label)} is te lang (hoogstens ${max} tekens).`);
  return text;
}

export function optionalText(value: unknown, label: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isString(value)) throw refuse(`${capital(label)} is geen tekst.`);
  const text = value.trim();
  if (length(text) > max) throw refuse(`${capital(label)} is te lang (hoogstens ${max} tekens).`);
  return text || undefined;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function idList(value: unknown, label: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isString)) throw refuse(`${capital(label)}: ongeldige lijst.`);
  if (value.length > LOCAL_LIMITS.references) throw refuse(`Te veel ${label} (hoogstens ${LOCAL_LIMITS.references}).`);
  return [...new Set(value)];
}

export type ContactInput = Omit<LocalContact, 'id' | 'copiedFrom'> & { id?: string };

export function validateContact(input: ContactInput): Omit<LocalContact, 'id' | 'copiedFrom'> {
  const name = requireText(input.name, 'de naam van het contact', LOCAL_LIMITS.name);
  const role = optionalText(input.role, 'de rol', LOCAL_LIMITS.name) ?? '';
  const phones = (Array.isArray(input.phones) ? input.phones : []).filter((p) => p && (p.number ?? '').trim());
  if (phones.length > LOCAL_LIMITS.phones)
    throw refuse(`Hoogstens ${LOCAL_LIMITS.phones} telefoonnummers per contact.`);
  const cleanPhones = phones.map((phone) => {
    const number = String(phone.number).trim();
    if (/[\p{L}]/u.test(number)) throw refuse(`Het telefoonnummer "${number}" bevat letters. Gebruik alleen cijfers.`);
    if (!PHONE_PATTERN.test(number) || number.replace(/\D/g, '').length < 3)
      throw refuse(
        `"${number}" is geen telefoonnummer. Gebruik cijfers, eventueel met +, spaties, haakjes of streepjes.`,
      );
    const label = optionalText(phone.label, 'het label van het nummer', 60) ?? 'Telefoon';
    return { label, number };
  });
  const email = optionalText(input.email, 'het e-mailadres', LOCAL_LIMITS.name);
  if (email && !EMAIL_PATTERN.test(email)) throw refuse(`"${email}" is geen geldig e-mailadres.`);
  const availability = optionalText(input.availability, 'de bereikbaarheid', LOCAL_LIMITS.name);
  const partnerId = optionalText(input.partnerId, 'de partner', LOCAL_LIMITS.name);
  if (!CONTACT_VISIBILITIES.includes(input.visibility))
    throw refuse('Kies of het contact openbaar is (mag naar andere gemeenten) of intern.');
  return {
    name,
    role,
    ...(partnerId ? { partnerId } : {}),
    phones: cleanPhones,
    ...(email ? { email } : {}),
    ...(availability ? { availability } : {}),
    visibility: input.visibility,
    ...(input.person === true ? { person: true } : {}),
  };
}

export type StepInput = Omit<LocalStep, 'id' | 'changedAt' | 'copiedFrom'> & { id?: string };

function validateSources(value: unknown): LocalSource[] {
  const sources = Array.isArray(value) ? value : [];
  if (sources.length > LOCAL_LIMITS.sources) throw refuse(`Hoogstens ${LOCAL_LIMITS.sources} bronnen per stap.`);
  return sources
    .filter((source) => source && `${source.title ?? ''}${source.url ?? ''}`.trim())
    .map((source) => {
      const url = optionalText(source.url, 'de link van een bron', LOCAL_LIMITS.shortText);
      if (url && !HTTP_URL_PATTERN.test(url)) throw refuse(`De link "${url}" moet beginnen met https:// of http://.`);
      const title = optionalText(source.title, 'de titel van een bron', LOCAL_LIMITS.name) ?? url!;
      return { title, ...(url ? { url } : {}) };
    });
}

export function validateStep(input: StepInput): Omit<LocalStep, 'id' | 'copiedFrom'> {
  if (!PHASE_IDS.includes(input.phase)) throw refuse('Kies de fase van de stap.');
  if (!STEP_KINDS.includes(input.kind)) throw refuse('Kies het soort stap.');
  const targets = Array.isArray(input.targets) ? [...new Set(input.targets)] : [];
  if (targets.length === 0 || !targets.every((t) => TARGETS.includes(t)))
    throw refuse('Kies voor welk doelwit de stap geldt (woning, bedrijf of voertuig).');
  if (input.timeWindow !== undefined && !TIME_WINDOW_IDS.includes(input.timeWindow))
    throw refuse('Kies een geldig tijdvenster.');
  if (input.timeWindow && input.phase !== 'direct-na')
    throw refuse('Een tijdvenster hoort alleen bij een stap in de fase direct na het incident.');
  const timing = optionalText(input.timing, 'de timing', LOCAL_LIMITS.shortText);
  const after = optionalText(input.after, 'de stap ervoor', LOCAL_LIMITS.name);
  return {
    phase: input.phase,
    ...(after ? { after } : {}),
    title: requireText(input.title, 'de titel van de stap', LOCAL_LIMITS.name),
    what: requireText(input.what, 'wat er moet gebeuren', LOCAL_LIMITS.text),
    why: requireText(input.why, 'waarom het moet gebeuren', LOCAL_LIMITS.text),
    kind: input.kind,
    actor: requireText(input.actor, 'wie de stap uitvoert', LOCAL_LIMITS.name),
    targets,
    ...(input.timeWindow ? { timeWindow: input.timeWindow } : {}),
    ...(timing ? { timing } : {}),
    partners: idList(input.partners, 'partners'),
    contacts: idList(input.contacts, 'contacten'),
    sources: validateSources(input.sources),
  };
}

export function validateNote(note: unknown, contacts: unknown): { note: string; contacts: string[] } {
  return { note: requireText(note, 'de aanvulling', LOCAL_LIMITS.text), contacts: idList(contacts, 'contacten') };
}

export function validateReason(reason: unknown): string {
  return requireText(reason, 'waarom de stap hier niet van toepassing is', LOCAL_LIMITS.shortText);
}
