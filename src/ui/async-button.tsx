import { type ReactNode, useState } from 'react';
import { userMessageOf } from './user-message.ts';

interface Props {
  onClick(): Promise<unknown>;
  children: ReactNode;
  className?: string;
  onError?(message: string): void;
  disabled?: boolean;
  'aria-pressed'?: boolean;
}

/** A button that shows it is busy and reports a failed save in Dutch. */
export function AsyncButton({ onClick, children, className = 'button', onError, disabled, ...rest }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={disabled || busy}
      aria-busy={busy}
      aria-pressed={rest['aria-pressed']}
      onClick={async () => {
        setBusy(true);
        try {
          await onClick();
        } catch (error) {
          onError?.(userMessageOf(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </button>
  );
}
