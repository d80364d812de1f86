import type { Instrument, Kader, KaderStep, Partner, PhaseId } from '../../../src/content/schema.ts';
import type { LocalAnnotation, LocalContact, LocalLayer, LocalStep } from '../../../src/model/local-layer.ts';

/** Small national frameworks and local layers for the local layer's tests. */

export function nationalStep(phase: PhaseId, name: string, text = name): KaderStep {
  return {
    id: `${phase}.${name}`,
    phase,
    title: `Titel ${text}`,
    what: `Wat ${text}`,
    why: `Waarom ${text}`,
    kind: 'praktisch',
    actor: 'gemeente',
    targets: ['woning'],
    instruments: [],
    considerations: [],
    partners: [],
    sources: ['bron'],
    briefRows: [],
    checkedOn: '2026-11-01',
    review: 'inhoudelijk getoetst',
  };
}

export function nationalInstrument(id: string, text = id): Instrument {
  return {
    id,
    name: `Instrument ${text}`,
    article: 'art. 1',
    allows: `Mag ${text}`,
    conditions: [`Voorwaarde ${text}`],
    considerations: [],
    notes: [],
    caseLaw: [],
    practice: [],
    lawLinks: [{ label: 'art. 1', bwb: 'BWBR0000001', validOn: '2026-01-01' }],
    sources: ['bron'],
    checkedOn: '2026-11-01',
    review: 'concept',
  };
}

export function nationalPartner(id: string): Partner {
  return { id, name: `Partner ${id}`, role: 'rol', phone: '', sources: [], checkedOn: '2026-11-01', review: 'concept' };
}

export function kaderOf(
  steps: Partial<Record<PhaseId, KaderStep[]>>,
  instruments: Instrument[] = [],
  partners: Partner[] = [],
): Kader {
  const phases: PhaseId[] = ['preventie', 'dreiging', 'direct-na', 'nazorg'];
  return {
    format: 'handelingskader-kader',
    version: '2026.1',
    contentHash: 'test',
    title: 'test',
    publisher: 'test',
    disclaimer: 'test',
    phases: phases.map((id) => ({
      id,
      title: id,
      shortTitle: id,
      purpose: id,
      timeWindows: [],
      steps: steps[id] ?? [],
    })),
    instruments,
    partners,
    considerations: [],
    sources: [{ id: 'bron', kind: 'web', title: 'Bron' }],
    glossary: [],
    changelog: [],
  };
}

export function emptyLayer(): LocalLayer {
  return {
    municipalityCode: 'gm0363',
    municipality: 'Amsterdam',
    revision: 0,
    contacts: [],
    steps: [],
    annotations: [],
    notApplicable: [],
    origins: [],
  };
}

export function localStep(phase: PhaseId, name: string, after?: string): LocalStep {
  return {
    id: `${phase}.gm0363-${name}`,
    phase,
    ...(after ? { after } : {}),
    title: `Lokaal ${name}`,
    what: 'wat',
    why: 'waarom',
    kind: 'praktisch',
    actor: 'OOV-adviseur',
    targets: ['woning'],
    partners: [],
    contacts: [],
    sources: [],
  };
}

export function contact(id: string, partnerId?: string): LocalContact {
  return {
    id,
    name: `Contact ${id}`,
    role: 'piket',
    ...(partnerId ? { partnerId } : {}),
    phones: [{ label: 'Piket', number: '020 123 4567' }],
    visibility: 'openbaar',
  };
}

export function annotation(targetId: string, nationalTextHash: string, note = `Noot bij ${targetId}`): LocalAnnotation {
  return { targetId, note, contacts: [], nationalTextHash };
}
