import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import { UnverifiedNote } from '../ui/unverified-note.tsx';
import { ConsiderationList } from './consideration-list.tsx';
import { ecliUrl, lawLinkUrl } from './content-links.ts';
import { useKader } from './kader-context.tsx';
import { LocalNote } from './local-notes.tsx';
import { NotFoundContent } from './phase-page.tsx';
import type { Instrument } from './schema.ts';
import { SourceList } from './source-list.tsx';
import { StepLink } from './step-link.tsx';
import { withTerms } from './term-text.tsx';
import { formatLongDate } from './trust.ts';
import { TrustNote } from './trust-note.tsx';

/**
 * An instrument in three visibly separate parts, because a jurist weighs them differently:
 * what the law says (with the official text), what courts ruled (each ruling on rechtspraak.nl),
 * and what municipalities do in practice.
 */
/** `localActions`: what app/ offers for the local layer here, given the instrument id. */
export function InstrumentPage({ localActions }: { localActions?: (instrumentId: string) => ReactNode }) {
  const { instrumentId } = useParams();
  const index = useKader();
  const ins = index.instrument.get(instrumentId ?? '');
  if (!ins) return <NotFoundContent what="Dit instrument" />;
  const steps = index.stepsByInstrument.get(ins.id) ?? [];
  const annotation = index.local?.annotations.get(ins.id);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/instrumenten">Instrumenten</Link>
      </p>
      <PageTitle title={ins.name}>{ins.name}</PageTitle>
      <p className="article-ref">{ins.article}</p>
      <TrustNote checkedOn={ins.checkedOn} review={ins.review} />
      <UnverifiedNote text={ins.unverified} />
      {index.local && annotation && <LocalNote view={annotation} municipality={index.local.municipality} />}
      {localActions?.(ins.id)}
      <LawSection ins={ins} />
      <RulingsSection ins={ins} />
      <PracticeSection ins={ins} />
      {ins.notes.length > 0 && (
        <>
          <h2>Let op</h2>
          <TermList items={ins.notes} />
        </>
      )}
      {ins.considerations.length > 0 && (
        <>
          <h2>Afwegingen</h2>
          <ConsiderationList ids={ins.considerations} />
        </>
      )}
      {steps.length > 0 && (
        <>
          <h2>Stappen die dit instrument gebruiken</h2>
          <ul className="card-list">
            {steps.map((s) => (
              <StepLink key={s.id} step={s} />
            ))}
          </ul>
        </>
      )}
      <h2>Bronnen</h2>
      <SourceList ids={ins.sources} />
    </article>
  );
}

/** A list whose items share one set of linked terms: each term is linked once per list. */
function TermList({ items }: { items: readonly string[] }) {
  const { terms } = useKader();
  const seen = new Set<string>();
  return (
    <ul>
      {items.map((text) => (
        <li key={text}>{withTerms(text, terms, seen)}</li>
      ))}
    </ul>
  );
}

function LawSection({ ins }: { ins: Instrument }) {
  const { terms } = useKader();
  const seen = new Set<string>();
  return (
    <section className="claim-section claim-section--law" aria-labelledby="wet-kop">
      <h2 id="wet-kop">Wat de wet zegt</h2>
      <p>{withTerms(ins.allows, terms, seen)}</p>
      <h3>Voorwaarden</h3>
      <ul>
        {ins.conditions.map((c) => (
          <li key={c}>{withTerms(c, terms, seen)}</li>
        ))}
      </ul>
      {ins.duration && (
        <>
          <h3>Duur</h3>
          <p>{withTerms(ins.duration, terms, seen)}</p>
        </>
      )}
      <h3>Wettekst</h3>
      <ul className="law-links">
        {ins.lawLinks.map((link) => (
          <li key={`${link.bwb}-${link.article ?? ''}-${link.validOn}`}>
            <a href={lawLinkUrl(link)} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>{' '}
            <span className="quiet">
              (wetten.overheid.nl, tekst geldend op {formatLongDate(link.validOn)}; opent buiten de app)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RulingsSection({ ins }: { ins: Instrument }) {
  const { terms } = useKader();
  const seen = new Set<string>();
  return (
    <section className="claim-section claim-section--rulings" aria-labelledby="rechtspraak-kop">
      <h2 id="rechtspraak-kop">Wat rechters oordeelden</h2>
      {ins.caseLaw.length === 0 ? (
        <p className="quiet">Er is bij dit instrument nog geen uitspraak opgenomen.</p>
      ) : (
        <ul className="case-law">
          {ins.caseLaw.map((c) => (
            <li key={c.ecli} className="case-law__item">
              <p className="case-law__head">
                {c.court}, {c.date.length === 10 ? formatLongDate(c.date) : c.date}
              </p>
              <p>{withTerms(c.lesson, terms, seen)}</p>
              <p>
                <a className="ecli" href={ecliUrl(c.ecli)} target="_blank" rel="noopener noreferrer">
                  {c.ecli}
                </a>{' '}
                <span className="quiet">(rechtspraak.nl; opent buiten de app)</span>
              </p>
              <TrustNote checkedOn={c.checkedOn} review={c.review} />
              {c.unverified && <p className="quiet">Let op: niet geverifieerd. {c.unverified}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PracticeSection({ ins }: { ins: Instrument }) {
  return (
    <section className="claim-section claim-section--practice" aria-labelledby="praktijk-kop">
      <h2 id="praktijk-kop">Praktijk</h2>
      {ins.practice.length === 0 ? (
        <p className="quiet">Er zijn bij dit instrument nog geen praktijkvoorbeelden opgenomen.</p>
      ) : (
        <TermList items={ins.practice} />
      )}
    </section>
  );
}
