import { useId } from 'react';

interface Props {
  value: { passphrase: string; repeat: string };
  onChange(value: { passphrase: string; repeat: string }): void;
}

export const MIN_PASSPHRASE_LENGTH = 12;

/** Undefined when valid (or empty: no encryption); else the Dutch problem. */
export function passphraseProblem({ passphrase, repeat }: Props['value']): string | undefined {
  if (!passphrase) return undefined;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    return `Kies een wachtzin van minstens ${MIN_PASSPHRASE_LENGTH} tekens, bijvoorbeeld vier losse woorden.`;
  if (passphrase !== repeat) return 'De twee wachtzinnen zijn niet gelijk.';
  return undefined;
}

export function PassphraseFields({ value, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="field-group">
      <legend>Versleutelen (aanbevolen)</legend>
      <p className="quiet">
        Met een wachtzin kan alleen wie de wachtzin kent het bestand openen. Deel de wachtzin via een ander kanaal dan
        het bestand, bijvoorbeeld telefonisch. Laat leeg om niet te versleutelen.
      </p>
      <label className="label" htmlFor={`${id}-1`}>
        Wachtzin
      </label>
      <input
        id={`${id}-1`}
        type="password"
        className="input"
        autoComplete="new-password"
        value={value.passphrase}
        onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
      />
      <label className="label" htmlFor={`${id}-2`}>
        Herhaal de wachtzin
      </label>
      <input
        id={`${id}-2`}
        type="password"
        className="input"
        autoComplete="new-password"
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.target.value })}
      />
    </fieldset>
  );
}
