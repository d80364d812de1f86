import { Link } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import './content.css';
import { useKader } from './kader-context.tsx';
import { formatLongDate } from './trust.ts';

export function ChangelogPage() {
  const index = useKader();
  const { kader } = index;
  return (
    <>
      <PageTitle title="Wat is er veranderd in het kader">Wat is er veranderd in het kader</PageTitle>
      <p>
        U gebruikt versie {kader.version}. Per versie staat hier wat er veranderde en waarom, met de stappen en
        instrumenten die het raakt.
      </p>
      {kader.changelog.map((v) => (
        <section key={v.version} className="changelog-version" aria-labelledby={`versie-${v.version}`}>
          <h2 id={`versie-${v.version}`}>Versie {v.version}</h2>
          <p className="quiet">{formatLongDate(v.date)}</p>
          <p>{v.summary}</p>
          <ul>
            {v.changes.map((c) => (
              <li key={c.what}>
                <p>
                  {c.what} <span className="quiet">Waarom: {c.why}</span>
                </p>
                {(c.steps.length > 0 || c.instruments.length > 0) && (
                  <ul className="changelog-links">
                    {c.steps.map((id) => (
                      <li key={id}>
                        <Link to={`/stap/${id}`}>{index.step.get(id)?.title ?? id}</Link>
                      </li>
                    ))}
                    {c.instruments.map((id) => (
                      <li key={id}>
                        <Link to={`/instrument/${id}`}>{index.instrument.get(id)?.name ?? id}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
