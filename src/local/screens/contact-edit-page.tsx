import { useParams, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { NotFoundContent } from '../../content/phase-page.tsx';
import { ContactForm } from './contact-form.tsx';
import { EditorPage, NoMunicipalityYet, RemoveButton, useBack } from './editor-page-parts.tsx';
import { ReadOnlyNote, useCanEditLocal } from './local-editor-context.tsx';
import { useLocalEdit } from './use-local-edit.ts';
import './local.css';

export function ContactEditPage() {
  const { contactId = 'nieuw' } = useParams();
  const [params] = useSearchParams();
  const { local, partner } = useKader();
  const canEdit = useCanEditLocal();
  const edit = useLocalEdit();
  const back = useBack();
  const isNew = contactId === 'nieuw';
  const existing = isNew ? undefined : local?.contacts.get(contactId);
  if (!isNew && !existing) return <NotFoundContent what="Dit contact" />;
  const forPartner = params.get('partner') ?? undefined;
  const title = isNew
    ? `Contact toevoegen${forPartner && partner.get(forPartner) ? ` voor ${partner.get(forPartner)?.name}` : ''}`
    : `Contact: ${existing?.name}`;
  return (
    <EditorPage title={title}>
      {!local ? (
        <NoMunicipalityYet />
      ) : !canEdit ? (
        <ReadOnlyNote />
      ) : (
        <>
          <ContactForm
            {...(existing ? { initial: existing } : {})}
            {...(forPartner && partner.has(forPartner) ? { partnerId: forPartner } : {})}
            onSave={async (contact) => {
              await edit({ type: 'contact.save', contact: existing ? { ...contact, id: existing.id } : contact });
              back();
            }}
            onCancel={back}
          />
          {existing && (
            <RemoveButton
              label="Contact verwijderen"
              confirm={`‘${existing.name}’ verwijderen? Het verdwijnt ook bij de stappen en aanvullingen die het noemen.`}
              onRemove={async () => {
                await edit({ type: 'contact.remove', id: existing.id });
                back();
              }}
            />
          )}
        </>
      )}
    </EditorPage>
  );
}
