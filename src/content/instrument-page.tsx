import { Link, useParams } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import { UnverifiedNote } from '../ui/unverified-note.tsx';
import { ConsiderationList } from './consideration-list.tsx';
import { useKader } from './kader-context.tsx';
import { NotFoundContent } from './phase-page.tsx';
import { SourceList } from './source-list.tsx';
import { StepLink } from './step-link.tsx';

export function InstrumentPage() {
  const { instrumentId } = useParams();
  const index = useKader();
  const ins = index.instrument.get(instrumentId ?? '');
  if (!ins) return <NotFoundContent what="Dit instrument" />;
  const steps = index.stepsByInstrument.get(ins.id) ?? [];
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/instrumenten">Instrumenten</Link>
      </p>
      <PageTitle title={ins.name}>{ins.name}</PageTitle>
      <p className="article-ref">{ins.article}</p>
      <UnverifiedNote text={ins.unverified} />
      <h2>Wat het mogelijk maakt</h2>
      <p>{ins.allows}</p>
      <h2>Voorwaarden</h2>
      <ul>
        {ins.conditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {ins.duration && (
        <>
          <h2>Duur</h2>
          <p>{ins.duration}</p>
        </>
      )}
      {ins.notes.length > 0 && (
        <>
          <h2>Let op</h2>
          <ul>
            {ins.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      {ins.considerations.length > 0 && (
        <>
          <h2>Afwegingen</h2>
          <ConsiderationList ids={ins.considerations} />
        </>
      )}
      {ins.caseLaw.length > 0 && (
        <>
          <h2>Rechtspraak</h2>
          <ul className="case-law">
            {ins.caseLaw.map((c) => (
              <li key={`${c.court}-${c.date}-${c.ecli ?? c.lesson}`} className="case-law__item">
                <p className="case-law__head">
                  {c.court}, {c.date}
                  {c.ecli && (
                    <>
                      {' · '}
                      <span className="ecli">{c.ecli}</span>
                    </>
                  )}
                </p>
                <p>{c.lesson}</p>
                {c.unverified && <p className="quiet">Let op: niet geverifieerd. {c.unverified}</p>}
              </li>
            ))}
          </ul>
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
