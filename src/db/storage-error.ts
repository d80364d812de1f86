/** A failed read or write of the device's storage, with a sentence the adviser can act on. */

export const QUOTA_MESSAGE =
  'De opslag van dit apparaat is vol. Er is niets opgeslagen. Maak ruimte vrij (of maak eerst een back-up) en probeer het opnieuw.';
export const GENERIC_MESSAGE =
  'Opslaan op dit apparaat is niet gelukt. Er is niets opgeslagen. Probeer het opnieuw; lukt het weer niet, herlaad dan de app.';

/** Another tab updated the app and closed this tab's connection: only a reload helps, so say that. */
export const CLOSED_MESSAGE =
  'De app is in een ander tabblad bijgewerkt. Er is niets opgeslagen. Herlaad deze pagina om verder te werken; wat u typte, blijft bewaard.';

export const LOCKED_MESSAGE = 'De app is vergrendeld. Ontgrendel de app met uw wachtzin om verder te gaan.';
export const TAMPERED_MESSAGE =
  'Een deel van de opgeslagen gegevens is beschadigd of gewijzigd en kan niet worden geopend. Er is niets gewijzigd. Zet zo nodig een back-up terug.';

/** 'locked': the data key is not in memory (db/data-key.ts); 'tampered': a sealed record does not open (db/sealed.ts). */
export type StorageFailure = 'quota' | 'other' | 'locked' | 'tampered' | 'closed';

const MESSAGES: Record<StorageFailure, string> = {
  quota: QUOTA_MESSAGE,
  other: GENERIC_MESSAGE,
  locked: LOCKED_MESSAGE,
  tampered: TAMPERED_MESSAGE,
  closed: CLOSED_MESSAGE,
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly failure: StorageFailure;
  /** Dutch, for the adviser. `message` stays technical, for developers. */
  readonly userMessage: string;

  constructor(failure: StorageFailure, cause: unknown) {
    super(`Storage failure (${failure}): ${describe(cause)}`, { cause });
    this.failure = failure;
    this.userMessage = MESSAGES[failure];
  }
}

export function toStorageError(error: unknown): StorageError {
  const own = findStorageError(error);
  if (own) return own;
  if (isQuotaExceeded(error)) return new StorageError('quota', error);
  return new StorageError(isClosedByUpgrade(error) ? 'closed' : 'other', error);
}

/**
 * Dexie wraps IndexedDB errors (AbortError with `inner`, or its own QuotaExceededError),
 * and browsers report a full disk as a transaction abort: look through the chain.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError') return true;
  return isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1);
}

/** Dexie's error for a database closed by a version change in another tab (or for any closed database). */
export function isClosedByUpgrade(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return true;
  return isClosedByUpgrade(inner, depth + 1) || isClosedByUpgrade(cause, depth + 1);
}

/** Dexie may wrap an error thrown below it (the sealing middleware's) in its own. */
function findStorageError(error: unknown, depth = 0): StorageError | undefined {
  if (error instanceof StorageError) return error;
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { inner, cause } = error as { inner?: unknown; cause?: unknown };
  return findStorageError(inner, depth + 1) ?? findStorageError(cause, depth + 1);
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}
