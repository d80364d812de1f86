import type { GlossaryTerm } from './schema.ts';

/** Finds glossary terms (and their aliases) in running text. Built once per framework. */
export interface TermMatcher {
  pattern: RegExp | undefined;
  byWord: Map<string, GlossaryTerm>;
}

export type TermSegment = string | { text: string; term: GlossaryTerm };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createTermMatcher(terms: readonly GlossaryTerm[]): TermMatcher {
  const byWord = new Map<string, GlossaryTerm>();
  for (const t of terms) for (const w of [t.term, ...t.aliases]) byWord.set(w.toLocaleLowerCase('nl'), t);
  // Longest first, so "spoedeisende bestuursdwang" wins over "bestuursdwang" at the same place.
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern =
    words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  return { pattern, byWord };
}

/**
 * Splits `text` into plain strings and glossary terms. Only the first occurrence of a term is
 * linked; `seen` carries that across the texts of one section, so a section shows each link once.
 */
export function linkTerms(text: string, matcher: TermMatcher, seen: Set<string>): TermSegment[] {
  if (!matcher.pattern) return [text];
  const out: TermSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    const term = matcher.byWord.get(m[0].toLocaleLowerCase('nl'));
    if (!term || seen.has(term.id)) continue;
    seen.add(term.id);
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ text: m[0], term });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
