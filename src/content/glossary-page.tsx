import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import './content.css';
import { useKader } from './kader-context.tsx';
import { SourceList } from './source-list.tsx';

const byTerm = new Intl.Collator('nl', { sensitivity: 'base' });

export function GlossaryPage() {
  const { kader } = useKader();
  const { hash } = useLocation();
  // The router does not scroll to a #fragment after client-side navigation; a term link must land on its term.
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, [hash]);
  const terms = [...kader.glossary].sort((a, b) => byTerm.compare(a.term, b.term));
  return (
    <>
      <PageTitle title="Begrippenlijst">Begrippenlijst</PageTitle>
      <p>Vaktermen uit het kader, in gewone woorden. In de tekst van stappen en instrumenten linken ze hierheen.</p>
      <dl className="glossary">
        {terms.map((t) => (
          <div key={t.id}>
            <dt id={t.id} tabIndex={-1}>
              {t.term}
            </dt>
            <dd>
              <p>{t.definition}</p>
              {t.sources.length > 0 && <SourceList ids={t.sources} />}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
