import { Link } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import { useKader } from './kader-context.tsx';

export function InstrumentsPage() {
  const { kader } = useKader();
  return (
    <>
      <PageTitle title="Juridische instrumenten">Juridische instrumenten</PageTitle>
      <p className="lead">
        De bevoegdheden die bij een aanslag met explosieven een rol spelen. Toets elke ingrijpende maatregel op
        geschiktheid, noodzaak en evenwichtigheid.
      </p>
      <ul className="card-list">
        {kader.instruments.map((ins) => (
          <li key={ins.id} className="card-list__item">
            <Link className="card-link" to={`/instrument/${ins.id}`}>
              <span className="card-link__title">{ins.name}</span>
              <span className="card-link__meta">
                {ins.article}
                {ins.unverified ? ' · niet geverifieerd' : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
