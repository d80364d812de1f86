import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { linkTerms, type TermMatcher } from './glossary.ts';

/**
 * Text with its glossary terms linked to the begrippenlijst. A plain function, not a component:
 * the `seen` set of a section must be filled in document order within one render.
 */
export function withTerms(text: string, terms: TermMatcher, seen: Set<string>): ReactNode {
  return linkTerms(text, terms, seen).map((part, i) =>
    typeof part === 'string' ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
      <Link key={i} className="term-link" to={`/begrippen#${part.term.id}`}>
        {part.text}
      </Link>
    ),
  );
}
