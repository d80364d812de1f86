import { PageTitle } from '../ui/page-title.tsx';
import { UnverifiedNote } from '../ui/unverified-note.tsx';
import { useKader } from './kader-context.tsx';
import { TrustNote } from './trust-note.tsx';

export function PartnersPage() {
  const { kader } = useKader();
  return (
    <>
      <PageTitle title="Partners">Partners</PageTitle>
      <ul className="partner-cards">
        {kader.partners.map((p) => (
          <li key={p.id} id={p.id} className="partner-card">
            <h2>{p.name}</h2>
            <p>{p.role}</p>
            <TrustNote checkedOn={p.checkedOn} review={p.review} />
            <UnverifiedNote text={p.unverified} />
            <p className="quiet">
              Telefoon:{' '}
              {p.phone ? (
                <a href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</a>
              ) : (
                'nog niet ingevuld door uw gemeente'
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
