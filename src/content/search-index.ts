import MiniSearch, { type SearchResult } from 'minisearch';
import type { LocalOverlayView } from '../model/local-layer.ts';
import type { Kader, PhaseId } from './schema.ts';

export type SearchHitType = 'stap' | 'instrument' | 'partner' | 'begrip' | 'contact' | 'aanvulling';

interface SearchDocument {
  id: string;
  type: SearchHitType;
  refId: string;
  title: string;
  subtitle: string;
  phase?: PhaseId;
  text: string;
}

export interface SearchHit {
  type: SearchHitType;
  refId: string;
  title: string;
  subtitle: string;
  phase?: PhaseId;
  score: number;
}

/** Lowercase and strip diacritics so "geëvacueerd" is found by "geevacueerd". */
export function normaliseTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function documents(kader: Kader): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const phase of kader.phases) {
    for (const step of phase.steps) {
      docs.push({
        id: `stap:${step.id}`,
        type: 'stap',
        refId: step.id,
        title: step.title,
        subtitle: phase.title,
        phase: phase.id,
        text: [step.what, step.why, step.actor, step.timing ?? ''].join(' '),
      });
    }
  }
  for (const ins of kader.instruments) {
    docs.push({
      id: `instrument:${ins.id}`,
      type: 'instrument',
      refId: ins.id,
      title: ins.name,
      subtitle: ins.article,
      text: [
        ins.article,
        ins.allows,
        ...ins.conditions,
        ins.duration ?? '',
        ...ins.notes,
        ...ins.practice,
        ...ins.lawLinks.map((l) => l.label),
        ...ins.caseLaw.flatMap((c) => [c.court, c.ecli, c.lesson]),
      ].join(' '),
    });
  }
  for (const partner of kader.partners) {
    docs.push({
      id: `partner:${partner.id}`,
      type: 'partner',
      refId: partner.id,
      title: partner.name,
      // The type label already says "Partner"; a subtitle saying so too would match every partner on "partner".
      subtitle: '',
      text: partner.role,
    });
  }
  for (const term of kader.glossary) {
    docs.push({
      id: `begrip:${term.id}`,
      type: 'begrip',
      refId: term.id,
      title: term.term,
      subtitle: '',
      text: [...term.aliases, term.definition].join(' '),
    });
  }
  return docs;
}

/**
 * The municipality's own contacts and notes. Local steps need nothing here: they are steps of the
 * overlaid framework. A contact leads to the partner it stands in for (or to the partners page);
 * a note to the step or instrument it belongs to.
 */
function localDocuments(kader: Kader, local: LocalOverlayView): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const partnerName = new Map(kader.partners.map((p) => [p.id, p.name]));
  const instruments = new Map(kader.instruments.map((i) => [i.id, i]));
  const steps = new Map(kader.phases.flatMap((p) => p.steps.map((s) => [s.id, { step: s, phase: p }] as const)));
  for (const contact of local.contacts.values()) {
    const partner = contact.partnerId ? partnerName.get(contact.partnerId) : undefined;
    docs.push({
      id: `contact:${contact.id}`,
      type: 'contact',
      refId: contact.id,
      title: contact.name,
      subtitle: partner ?? '',
      text: [contact.role, contact.availability ?? '', ...contact.phones.map((p) => p.label)].join(' '),
    });
  }
  for (const [targetId, view] of local.annotations) {
    const onStep = steps.get(targetId);
    const instrument = instruments.get(targetId);
    // An orphan's target is gone: the editor's attention list shows it, search has nowhere to lead.
    if (view.state === 'verweesd') continue;
    // A note on a step carries the step's phase; that is how the result knows where to lead.
    if (onStep)
      docs.push({
        id: `aanvulling:${targetId}`,
        type: 'aanvulling',
        refId: targetId,
        title: onStep.step.title,
        subtitle: onStep.phase.title,
        phase: onStep.phase.id,
        text: view.annotation.note,
      });
    else if (instrument)
      docs.push({
        id: `aanvulling:${targetId}`,
        type: 'aanvulling',
        refId: targetId,
        title: instrument.name,
        subtitle: instrument.article,
        text: view.annotation.note,
      });
  }
  return docs;
}

export interface KaderSearch {
  search(query: string, limit?: number): SearchHit[];
}

export function createKaderSearch(kader: Kader, local?: LocalOverlayView): KaderSearch {
  const mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'subtitle', 'text'],
    storeFields: ['type', 'refId', 'title', 'subtitle', 'phase'],
    processTerm: (term) => normaliseTerm(term),
    searchOptions: {
      boost: { title: 3, subtitle: 1.5 },
      prefix: true,
      // Small typos only. Two edits from six letters on, because a swapped pair of
      // letters (the commonest thumb typo) costs two edits.
      fuzzy: (term) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : 0),
    },
  });
  mini.addAll(documents(kader));
  if (local) mini.addAll(localDocuments(kader, local));
  const toHit = (r: SearchResult): SearchHit => ({
    type: r.type as SearchHitType,
    refId: r.refId as string,
    title: r.title as string,
    subtitle: r.subtitle as string,
    phase: r.phase as PhaseId | undefined,
    score: r.score,
  });
  return {
    search(query, limit = 30) {
      const q = query.trim();
      if (!q) return [];
      // Every word must match; if nothing does, fall back to any word.
      let results = mini.search(q, { combineWith: 'AND' });
      if (results.length === 0) results = mini.search(q, { combineWith: 'OR' });
      return results.slice(0, limit).map(toHit);
    },
  };
}
