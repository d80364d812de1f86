import type { Kader } from '../../src/content/schema.ts';
import { nationalTextHashes } from '../../src/local/domain/national-text.ts';
import type { LocalLayer } from '../../src/model/local-layer.ts';

/** The bench layer: 200 contacts, 50 local steps and 100 annotations, the same every run. */
export function seedLocalLayer(kader: Kader, counts = { contacts: 200, steps: 50, annotations: 100 }): LocalLayer {
  const code = 'gm0363';
  const hashes = nationalTextHashes(kader);
  const nationalSteps = kader.phases.flatMap((p) => p.steps);
  const targets = [...nationalSteps.map((s) => s.id), ...kader.instruments.map((i) => i.id)];
  const contacts = Array.from({ length: counts.contacts }, (_, i) => ({
    id: `${code}-contact-${i}`,
    name: `Organisatie ${i}, piketlijn`,
    role: `Rol ${i % 12}`,
    ...(kader.partners.length ? { partnerId: kader.partners[i % kader.partners.length]!.id } : {}),
    phones: [{ label: 'Piket', number: `020 ${String(1_000_000 + i).slice(1)}` }],
    email: `piket${i}@organisatie.example`,
    availability: '24/7 piket',
    visibility: i % 5 === 0 ? ('intern' as const) : ('openbaar' as const),
  }));
  const steps = Array.from({ length: counts.steps }, (_, i) => {
    const after = nationalSteps[(i * 7) % nationalSteps.length]!;
    return {
      id: `${after.phase}.${code}-lokale-stap-${i}`,
      phase: after.phase,
      after: after.id,
      title: `Lokale afspraak ${i}: buurtbeheerders en corporatie bellen`,
      what: `Bel de beheerders van buurtapp ${i} en de corporatie; noteer wie wat doet.`,
      why: 'Geruchten en ongerustheid in de buurt vragen snelle, lokale informatie.',
      kind: 'communicatie' as const,
      actor: 'OOV-adviseur',
      targets: ['woning' as const, 'bedrijf' as const],
      ...(after.timeWindow ? { timeWindow: after.timeWindow } : {}),
      partners: [],
      contacts: [contacts[i % contacts.length]!.id],
      sources: [{ title: `Convenant ${i}` }],
    };
  });
  const annotations = targets.slice(0, counts.annotations).map((targetId, i) => ({
    targetId,
    note: `Lokale werkwijze ${i}: eerst het piketnummer bellen, daarna de wijkagent.`,
    contacts: [contacts[(i * 3) % contacts.length]!.id],
    nationalTextHash: hashes(targetId)!,
  }));
  return {
    municipalityCode: code,
    municipality: 'Amsterdam',
    revision: 1,
    contacts,
    steps,
    annotations,
    notApplicable: [],
    origins: [],
  };
}
