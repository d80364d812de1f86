import { useId } from 'react';
import './content.css';
import type { LocalContact } from '../model/local-layer.ts';

/** Digits and a leading + only: what a phone dials from a `tel:` link. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/**
 * The municipality's own contacts, each number and address one tap away: at a scene the adviser
 * calls, they do not copy. The number stays written out so it can be read to someone else.
 */
export function LocalContactList({ contacts, label }: { contacts: readonly LocalContact[]; label: string }) {
  // One contact can appear in several lists on a page (a step's and its partner's): ids per list.
  const listId = useId();
  if (contacts.length === 0) return null;
  return (
    <ul className="local-contacts" aria-label={label}>
      {contacts.map((contact) => (
        <li key={contact.id} id={`${listId}-${contact.id}`} className="local-contact">
          <p className="local-contact__name">
            {contact.name}
            {contact.visibility === 'intern' && <span className="local-badge local-badge--intern">Intern</span>}
          </p>
          {contact.role && <p className="local-contact__role">{contact.role}</p>}
          {contact.availability && <p className="local-contact__meta">Bereikbaar: {contact.availability}</p>}
          <ul className="local-contact__links">
            {contact.phones.map((phone) => (
              <li key={`${phone.label}-${phone.number}`}>
                <a className="contact-link" href={telHref(phone.number)}>
                  <span className="contact-link__label">Bel {phone.label || 'telefoon'}</span>
                  <span className="contact-link__value">{phone.number}</span>
                </a>
              </li>
            ))}
            {contact.email && (
              <li>
                <a className="contact-link" href={`mailto:${contact.email}`}>
                  <span className="contact-link__label">Mail</span>
                  <span className="contact-link__value">{contact.email}</span>
                </a>
              </li>
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}
