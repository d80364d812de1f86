import { useEffect, useRef } from 'react';

/**
 * Asked once more before a plain file leaves the app: an export or back-up holds the
 * advisers' names and the addresses, readable by whoever gets the file.
 */
export function PlainFileWarning({
  action,
  onConfirm,
  onCancel,
}: {
  action: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="alert alert--warning" role="alert" data-testid="plain-file-warning">
      <p ref={heading} tabIndex={-1}>
        <strong>Dit bestand bevat namen en adressen en is niet versleuteld.</strong> Iedereen die het bestand in handen
        krijgt, kan ze lezen. Vul hierboven een wachtzin in, of ga toch door als het bestand op een veilige plek blijft.
      </p>
      <p className="actions">
        <button type="button" className="button" onClick={onConfirm}>
          Toch onversleuteld {action}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Terug
        </button>
      </p>
    </div>
  );
}
