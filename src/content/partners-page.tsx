import type { ReactNode } from 'react';
import { PageTitle } from '../ui/page-title.tsx';
import { UnverifiedNote } from '../ui/unverified-note.tsx';
import { useKader } from './kader-context.tsx';
import { LocalContactList, telHref } from './local-contacts.tsx';
import type { Partner } from './schema.ts';
import { TrustNote } from './trust-note.tsx';

/** `localActions`: what app/ offers for the local layer at a partner (e.g. adding a local contact). */
export function PartnersPage({ localActions }: { localActions?: (partner: Partner) => ReactNode }) {
  const { kader, local } = useKader();
  // Contacts for no national partner, or for one the framework no longer has: listed apart, never lost.
  const own = local
    ? [...[...local.contacts.values()].filter((c) => c.partnerId === undefined), ...local.orphanContacts]
    : [];
  return (
    <>
      <PageTitle title="Partners">Partners</PageTitle>
      <ul className="partner-cards">
        {kader.partners.map((p) => {
          const contacts = local?.contactsByPartner.get(p.id) ?? [];
          return (
            <li key={p.id} id={p.id} className="partner-card">
              <h2>{p.name}</h2>
              <p>{p.role}</p>
              <TrustNote checkedOn={p.checkedOn} review={p.review} />
              <UnverifiedNote text={p.unverified} />
              {(p.phone || contacts.length === 0) && (
                <p className="quiet">
                  Telefoon: {p.phone ? <a href={telHref(p.phone)}>{p.phone}</a> : 'nog niet ingevuld door uw gemeente'}
                </p>
              )}
              {local && contacts.length > 0 && (
                <>
                  <h3 className="local-heading">
                    <span className="local-badge">Lokaal</span> Contacten in {local.municipality}
                  </h3>
                  <LocalContactList contacts={contacts} label={`Contacten van ${p.name} in ${local.municipality}`} />
                </>
              )}
              {localActions?.(p)}
            </li>
          );
        })}
      </ul>
      {local && own.length > 0 && (
        <section aria-labelledby="eigen-contacten">
          <h2 id="eigen-contacten">
            <span className="local-badge">Lokaal</span> Overige contacten van {local.municipality}
          </h2>
          <LocalContactList contacts={own} label={`Overige contacten van ${local.municipality}`} />
        </section>
      )}
    </>
  );
}
