import { type KnownTerm, redact, scanForPersonalData } from '../../exchange/export/personal-data.ts';
import { type LocalContact, type LocalLayer, opaqueStepId } from '../../model/local-layer.ts';
import { personalMailbox, personalNumber, personalUrl } from './person-details.ts';

/**
 * The layer as it may go to other municipalities (export "voor andere gemeenten"), with the
 * field policy of the anonymised incident export applied to a layer:
 * - internal contacts are left out, and every reference to them;
 * - a contact marked as a person keeps role, availability and partner; name, numbers and e-mail go
 *   (the name becomes the role, so a step can still say whom to call);
 * - free text (titles, what, why, timing, notes, reasons, roles, availability) goes through the
 *   exchange's personal-data scanner, with the names, numbers and addresses of the contacts left
 *   out as known terms, and each hit is replaced by a label such as `[telefoonnummer verwijderd]`.
 * - local step ids made from a title are replaced by opaque ones, in every reference too.
 * - an organisation's numbers and e-mail address stay (they are what another municipality copies
 *   the layer for), except a mobile number or a person's mailbox (person-details.ts); sources'
 *   titles are scanned like free text, and a link with personal data in it is left out.
 */
export interface SharedLayerReport {
  internalContacts: number;
  persons: number;
  /** Texts in which something was replaced. */
  redactedTexts: number;
  /** Mobile numbers and personal e-mail addresses left out of organisation contacts. */
  contactDetails: number;
  /** Source links left out because they hold personal data. */
  sourceLinks: number;
}

export function shareableLayer(layer: LocalLayer): { layer: LocalLayer; report: SharedLayerReport } {
  const internal = layer.contacts.filter((c) => c.visibility === 'intern');
  const persons = layer.contacts.filter((c) => c.visibility !== 'intern' && c.person);
  const known: KnownTerm[] = [...internal, ...persons].flatMap((c) => [
    { kind: 'name' as const, text: c.name },
    ...c.phones.map((p) => ({ kind: 'phone' as const, text: p.number })),
    ...(c.email ? [{ kind: 'email' as const, text: c.email }] : []),
  ]);
  let redactedTexts = 0;
  let contactDetails = 0;
  let sourceLinks = 0;
  const clean = (text: string): string => {
    const hits = scanForPersonalData(text, known);
    if (hits.length === 0) return text;
    redactedTexts += 1;
    return redact(text, hits);
  };
  const cleanOptional = (text: string | undefined) => (text === undefined ? undefined : clean(text));
  const removed = new Set(internal.map((c) => c.id));
  const keep = (ids: readonly string[]) => ids.filter((id) => !removed.has(id));

  const contacts = layer.contacts
    .filter((c) => !removed.has(c.id))
    .map((c): LocalContact => {
      const role = clean(c.role);
      const availability = cleanOptional(c.availability);
      const base = {
        id: c.id,
        role,
        ...(c.partnerId ? { partnerId: c.partnerId } : {}),
        ...(availability ? { availability } : {}),
        visibility: c.visibility,
        ...(c.copiedFrom ? { copiedFrom: c.copiedFrom } : {}),
      };
      if (c.person) return { ...base, name: role || 'Contactpersoon', phones: [], person: true };
      const phones = c.phones
        .filter((p) => !personalNumber(p.number, known))
        .map((p) => ({ label: clean(p.label), number: p.number }));
      const email = c.email && !personalMailbox(c.email, known) ? c.email : undefined;
      contactDetails += c.phones.length - phones.length + (c.email && !email ? 1 : 0);
      return { ...base, name: clean(c.name), phones, ...(email ? { email } : {}) };
    });
  // Ids made from a title ("direct-na.gm0363-bel-jan-jansen") would carry it past the redaction.
  const id = opaqueStepId;
  const steps = layer.steps.map((s) => {
    const timing = cleanOptional(s.timing);
    const { timing: _timing, after, copiedFrom, ...rest } = s;
    return {
      ...rest,
      id: id(s.id),
      ...(after !== undefined ? { after: id(after) } : {}),
      ...(copiedFrom !== undefined ? { copiedFrom: id(copiedFrom) } : {}),
      title: clean(s.title),
      what: clean(s.what),
      why: clean(s.why),
      actor: clean(s.actor),
      ...(timing ? { timing } : {}),
      contacts: keep(s.contacts),
      sources: s.sources.map((source) => {
        const title = clean(source.title);
        if (source.url === undefined || !personalUrl(source.url, known)) return { ...source, title };
        sourceLinks += 1;
        return { title };
      }),
    };
  });
  const annotations = layer.annotations.map((a) => ({
    ...a,
    targetId: id(a.targetId),
    note: clean(a.note),
    contacts: keep(a.contacts),
  }));
  const notApplicable = layer.notApplicable.map((m) => ({ ...m, stepId: id(m.stepId), reason: clean(m.reason) }));
  return {
    layer: { ...layer, contacts, steps, annotations, notApplicable },
    report: { internalContacts: internal.length, persons: persons.length, redactedTexts, contactDetails, sourceLinks },
  };
}
