import { useId } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { FieldError, invalidProps } from '../../incidents/screens/field-error.tsx';
import type { ContactVisibility, LocalContact, PhoneNumber } from '../../model/local-layer.ts';
import { EMAIL_PATTERN, LOCAL_LIMITS, PHONE_PATTERN } from '../format/rules.ts';
import { FormActions } from './form-actions.tsx';
import { type FieldErrors, TextField, useEditorForm } from './form-fields.tsx';
import { useEditorDraft } from './use-editor-draft.ts';

export type ContactDraft = Omit<LocalContact, 'id'>;

type Field = 'name' | 'email' | `phone-${number}`;

/** Every problem at once, so the adviser fixes the form in one go. */
export function checkContact(draft: ContactDraft): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!draft.name.trim()) errors.name = 'Vul de naam van de organisatie of persoon in.';
  draft.phones.forEach((phone, i) => {
    const number = phone.number.trim();
    if (!number) {
      if (phone.label.trim()) errors[`phone-${i}`] = 'Vul het nummer in, of verwijder deze regel.';
    } else if (/\p{L}/u.test(number)) errors[`phone-${i}`] = 'Een telefoonnummer bevat alleen cijfers.';
    else if (!PHONE_PATTERN.test(number) || number.replace(/\D/g, '').length < 3)
      errors[`phone-${i}`] = 'Dit is geen telefoonnummer. Gebruik cijfers, eventueel met +, spaties of streepjes.';
  });
  const email = draft.email?.trim();
  if (email && !EMAIL_PATTERN.test(email)) errors.email = 'Dit is geen e-mailadres (zoals naam@gemeente.nl).';
  return errors;
}

const emptyContact = (partnerId: string | undefined): ContactDraft => ({
  name: '',
  role: '',
  ...(partnerId ? { partnerId } : {}),
  phones: [{ label: 'Telefoon', number: '' }],
  email: '',
  availability: '',
  // Internal until the adviser says otherwise: only public contacts go to other municipalities.
  visibility: 'intern',
});

export function ContactForm({
  initial,
  partnerId,
  onSave,
  onCancel,
}: {
  initial?: LocalContact;
  partnerId?: string;
  onSave(contact: ContactDraft): Promise<void>;
  onCancel(): void;
}) {
  const { kader } = useKader();
  const id = useId();
  const [draft, setDraft, clearDraft] = useEditorDraft<ContactDraft>(
    `contact:${initial?.id ?? `nieuw:${partnerId ?? ''}`}`,
    initial
      ? { ...initial, phones: initial.phones.length ? initial.phones : emptyContact(undefined).phones }
      : emptyContact(partnerId),
  );
  const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K]) => setDraft({ ...draft, [key]: value });
  const setPhone = (i: number, phone: PhoneNumber) =>
    set(
      'phones',
      draft.phones.map((p, j) => (j === i ? phone : p)),
    );
  const { form, errors, failure, busy, onSubmit } = useEditorForm(
    () => checkContact(draft),
    async () => {
      await onSave({ ...draft, phones: draft.phones.filter((p) => p.number.trim()) });
      clearDraft();
    },
  );
  return (
    <form ref={form} className="form local-form" noValidate onSubmit={onSubmit}>
      <TextField
        id={`${id}-naam`}
        label="Naam"
        hint="Organisatie of persoon, bijv. ‘Woonstad, calamiteitenlijn’."
        value={draft.name}
        error={errors.name}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('name', v)}
      />
      <TextField
        id={`${id}-rol`}
        label="Rol (optioneel)"
        value={draft.role}
        error={undefined}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('role', v)}
      />
      <div className="field">
        <label className="label" htmlFor={`${id}-partner`}>
          Landelijke partner
        </label>
        <select
          id={`${id}-partner`}
          className="select"
          value={draft.partnerId ?? ''}
          onChange={(e) => {
            const { partnerId: _, ...rest } = draft;
            setDraft(e.target.value ? { ...rest, partnerId: e.target.value } : rest);
          }}
        >
          <option value="">Geen: een eigen contact van de gemeente</option>
          {kader.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field-group">
        <legend>Telefoonnummers</legend>
        {draft.phones.map((phone, i) => (
          // Rows have no id of their own; the position is their identity while the form is open.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i} className="phone-row">
            <div className="field">
              <label className="label" htmlFor={`${id}-label-${i}`}>
                Omschrijving nummer {i + 1}
              </label>
              <input
                id={`${id}-label-${i}`}
                className="input"
                value={phone.label}
                maxLength={60}
                placeholder="Piketlijn"
                onChange={(e) => setPhone(i, { ...phone, label: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="label" htmlFor={`${id}-nummer-${i}`}>
                Nummer {i + 1}
              </label>
              <input
                id={`${id}-nummer-${i}`}
                className="input"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                value={phone.number}
                maxLength={LOCAL_LIMITS.phoneNumber}
                {...invalidProps(`${id}-nummer-${i}`, errors[`phone-${i}`])}
                onChange={(e) => setPhone(i, { ...phone, number: e.target.value })}
              />
              <FieldError fieldId={`${id}-nummer-${i}`} error={errors[`phone-${i}`]} />
            </div>
            {draft.phones.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  set(
                    'phones',
                    draft.phones.filter((_, j) => j !== i),
                  )
                }
              >
                Nummer {i + 1} verwijderen
              </button>
            )}
          </div>
        ))}
        {draft.phones.length < LOCAL_LIMITS.phones && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => set('phones', [...draft.phones, { label: '', number: '' }])}
          >
            Nog een nummer
          </button>
        )}
      </fieldset>
      <TextField
        id={`${id}-mail`}
        label="E-mailadres (optioneel)"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={draft.email ?? ''}
        error={errors.email}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('email', v)}
      />
      <TextField
        id={`${id}-bereikbaar`}
        label="Bereikbaarheid (optioneel)"
        hint="Bijv. ‘24/7 piket’ of ‘werkdagen 8–17 uur’."
        value={draft.availability ?? ''}
        error={undefined}
        maxLength={LOCAL_LIMITS.name}
        onChange={(v) => set('availability', v)}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.person ?? false}
          onChange={(e) => {
            const { person: _, ...rest } = draft;
            setDraft(e.target.checked ? { ...rest, person: true } : rest);
          }}
        />
        Dit is een persoon, geen organisatie of piketlijn
      </label>
      <fieldset className="choice-group">
        <legend>Mag dit contact naar andere gemeenten?</legend>
        {(
          [
            ['intern', 'Intern: alleen binnen uw gemeente'],
            ['openbaar', 'Openbaar: mag mee bij delen met andere gemeenten (van een persoon alleen de rol)'],
          ] as [ContactVisibility, string][]
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-zichtbaar`}
              value={value}
              checked={draft.visibility === value}
              onChange={() => set('visibility', value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel="Contact opslaan"
        clearDraft={clearDraft}
        onCancel={onCancel}
      />
    </form>
  );
}
