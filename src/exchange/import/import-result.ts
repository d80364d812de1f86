import { describeRefusal, type MergeRefusal } from '../../incidents/domain/merge-events.ts';

/** Why a file was refused, each with the Dutch sentence the adviser sees. Nothing is thrown for bad input. */

export type ImportFailureReason =
  /** Larger than MAX_IMPORT_BYTES; not read. */
  | 'too-large'
  /** Not text, not JSON, or cut off. */
  | 'unreadable'
  /** JSON, but not an exchange file of this app. */
  | 'foreign-format'
  /** Made by a newer version of the app. */
  | 'newer-version'
  /** An exchange file whose contents do not pass validation. */
  | 'invalid-content'
  /** Encrypted: ask for the passphrase and call readImportFile again with it. */
  | 'needs-passphrase'
  /** Wrong passphrase, or the encrypted file was changed or damaged (AES-GCM cannot tell which). */
  | 'wrong-passphrase'
  /** An encrypted file with key-derivation settings the app refuses (too weak, or absurdly slow). */
  | 'unsafe-parameters'
  /** An event in the file has the id of a stored event but other content. */
  | 'conflicting-content'
  /** An incident in the file has the id of a stored one but another start: another incident. */
  | 'conflicting-incident'
  /** The file claims the app's own content version but names a step or instrument it does not have. */
  | 'unknown-content'
  /** The device's storage failed while writing; nothing was written. */
  | 'storage';

export interface ImportFailure {
  ok: false;
  reason: ImportFailureReason;
  /** Dutch, for the adviser. */
  message: string;
  /** English, for developers: what exactly was wrong. Never shown as the only explanation. */
  detail?: string;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const NOTHING_CHANGED = 'Er is niets veranderd.';

export const IMPORT_MESSAGE: Record<ImportFailureReason, string> = {
  'too-large': `Dit bestand is groter dan 50 MB en wordt niet ingelezen. Kies een exportbestand of back-up van deze app. ${NOTHING_CHANGED}`,
  unreadable: `Dit bestand kan niet worden gelezen: het is geen geldig exportbestand of het is onvolledig (bijvoorbeeld afgebroken tijdens het downloaden). ${NOTHING_CHANGED}`,
  'foreign-format': `Dit is geen exportbestand of back-up van het Handelingskader. ${NOTHING_CHANGED}`,
  'newer-version': `Dit bestand is gemaakt met een nieuwere versie van de app. Werk de app bij (Over deze app toont de versie) en lees het bestand daarna opnieuw in. ${NOTHING_CHANGED}`,
  'invalid-content': `Dit bestand bevat gegevens die niet kloppen en wordt daarom niet ingelezen. Vraag de afzender om een nieuw exportbestand. ${NOTHING_CHANGED}`,
  'needs-passphrase': 'Dit bestand is versleuteld. Vul de wachtzin in om het te openen.',
  'wrong-passphrase': `De wachtzin is onjuist, of het bestand is beschadigd of gewijzigd. Controleer de wachtzin (let op hoofdletters en spaties) en probeer het opnieuw. ${NOTHING_CHANGED}`,
  'unsafe-parameters': `Dit versleutelde bestand gebruikt instellingen die de app niet vertrouwt en wordt niet geopend. ${NOTHING_CHANGED}`,
  'conflicting-content': `Dit bestand bevat een vastlegging (een stap, notitie, logregel of besluit) die al op dit apparaat staat, maar met een andere inhoud. Het bestand is mogelijk gewijzigd en wordt niet ingelezen. ${NOTHING_CHANGED}`,
  'conflicting-incident': `Dit bestand bevat een incident met hetzelfde kenmerk als een incident op dit apparaat, maar met een ander begin (ander adres, tijdstip of maker). Het is een ander incident of het bestand is gewijzigd, en het wordt niet ingelezen. ${NOTHING_CHANGED}`,
  'unknown-content': `Dit bestand noemt een stap of instrument dat niet bestaat in de versie van het kader die het bestand opgeeft. Het bestand is mogelijk gewijzigd en wordt niet ingelezen. ${NOTHING_CHANGED}`,
  storage: `Het inlezen is niet gelukt: de opslag van dit apparaat gaf een fout. ${NOTHING_CHANGED}`,
};

export function failure(reason: ImportFailureReason, detail?: string, message = IMPORT_MESSAGE[reason]): ImportFailure {
  return detail === undefined ? { ok: false, reason, message } : { ok: false, reason, message, detail };
}

/** The failure for a refusal of the one merge (incidents/domain/merge-events.ts). */
export function mergeFailure(refusal: MergeRefusal): ImportFailure {
  const detail = describeRefusal(refusal);
  if (refusal.reason === 'conflicting-content') return failure('conflicting-content', detail);
  if (refusal.reason === 'second-creation') return failure('conflicting-incident', detail);
  return failure('invalid-content', detail);
}
