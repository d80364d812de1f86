import type { IncidentOverview } from '../model/incident-overview.ts';
import type { LocalLayer } from '../model/local-layer.ts';

/** Row shapes of the Dexie tables other than events (which stores IncidentEvent as is). */

/**
 * The list projection of an incident, rebuilt from its events on every write.
 * Personal data (title) is stored but never indexed: see design.md on encryption at rest.
 */
export type IncidentRow = IncidentOverview;

/** A list row as stored: with the mark of the log it was projected from (see logMark). */
export interface StoredIncidentRow extends IncidentRow {
  /** Absent on rows written before schema version 4, which just means the next write reads the log. */
  logMark?: string;
}

export interface SettingValues {
  deviceId: string;
  actorName: string;
  /** The municipality a new incident starts with: the last one the adviser entered. */
  defaultMunicipality: string;
  retentionMonths: number;
  lastBackupAt: string;
  /** Key for the stable pseudonyms of ids in anonymised exports; never leaves the device. */
  pseudonymSecret: string;
  /** Framework content and projection rules the list rows were last all projected with. */
  projectedWith: string;
  /** The team this device belongs to (src/sync/), with its token: sealed like every setting. */
  syncTeam: SyncMembership;
}

/** A device's membership of a team; after a revocation only the team name and when. */
export interface SyncMembership {
  teamName: string;
  /** Shown once by the server, never put in a URL. Absent after a revocation. */
  token?: string;
  role: 'coordinator' | 'adviseur' | 'meelezer';
  deviceName: string;
  /** This device's number on the server (GET /devices), so the coordinator's list can mark it. */
  deviceNumber?: number;
  /** The last change of the team's feed applied here (docs/sync-protocol.md). */
  cursor: string;
  /** What the cursor stands on, sent back with it so the server can vouch for it (a restored backup cannot). */
  cursorCheck?: string;
  /** This device's newest push the feed has not brought back yet (sync/domain/push-receipt.ts). */
  pushReceipt?: { seq: string; check: string; incidentId: string };
  lastSyncAt?: string;
  revokedAt?: string;
  /**
   * What the revocation removed (how many shared incidents, whether the team's layer), kept with
   * it so every later start and page says so too, not only the run that noticed it.
   */
  revokedRemoved?: { incidents: number; localLayer: boolean };
  /**
   * The team's local layer as last agreed with the server: its revision there, and the revision
   * of this device's own layer that matched it. A different own revision means unsent edits.
   * `serverUpdatedAt` is when the server stored that revision (its clock): a restored server
   * can hold the same or a lower revision number with other content (sync/domain/local-layer-revision.ts).
   * `keptNewer`: the server was restored to an older layer and this (non-coordinator) device kept
   * the newer one it had; gone with the next layer it takes.
   */
  localLayer?: { serverRevision: number; localRevision: number; serverUpdatedAt?: string; keptNewer?: true };
  /**
   * A coordinator's uploads of the layer not yet agreed on (the last five different ones on one
   * base): the SHA-256 of each layer's canonical JSON, the server revision it was built on and
   * the own revision it carried. Kept until an agreement, or until a stale refusal shows the
   * server's next revision after that base is none of them, so an upload the server stored but
   * whose answer was lost (the app closed, the connection dropped) is recognised there, not
   * taken for another device's (sync/store/local-layer-sync.ts).
   */
  localLayerSent?: { fingerprint: string; baseRevision: number; localRevision: number }[];
}

/** An incident shared with the team: the ids of its events the server holds (pushed or pulled). */
export interface SyncIncidentRow {
  incidentId: string;
  sharedAt: string;
  acked: string[];
}
export type SettingKey = keyof SettingValues;

export interface SettingRow<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
}

/** Read-only anonymised incidents from the national network (issue 5 fills in the rest). */
export interface NetworkIncidentRow {
  id: string;
  importedAt: string;
  municipality: string;
  [field: string]: unknown;
}

/** A data key wrapped by a key derived from the adviser's passphrase (PBKDF2-SHA-256 → AES-GCM). */
export interface WrappedKey {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  /** The 32-byte data key encrypted with AES-256-GCM (tag included). */
  ct: Uint8Array;
}

/**
 * The data key wrapped a second time, by a key from HKDF over a passkey's PRF output
 * (WebAuthn PRF extension): unlocking with a fingerprint or face. The passphrase stays.
 */
export interface PasskeyWrap {
  /**
   * The wrap's format (lock/passkey-wrap.ts): absent in wraps written before the credential
   * id was bound in, 2 since. Read as stored, so any number may turn up; only 1 and 2 open.
   */
  v?: number;
  credentialId: Uint8Array;
  /** HKDF's salt for this passkey's wrapping key. */
  salt: Uint8Array;
  iv: Uint8Array;
  /** The 32-byte data key encrypted with AES-256-GCM (tag included). */
  ct: Uint8Array;
  createdAt: string;
}

/** The app lock's one row (id 'lock'), plain by design: it is what opens the sealed rows. */
export interface KeyringRow {
  id: 'lock';
  passphrase: WrappedKey;
  /** The input the passkeys' PRF is evaluated at (the same for every passkey: their outputs differ anyway). */
  prfInput?: Uint8Array;
  passkeys?: PasskeyWrap[];
  /** Wrong passphrases in a row; from the tenth on each next attempt waits longer. */
  failures: number;
  lastFailureAt?: string;
  /** Minutes in the background before the app locks itself. */
  autoLockMinutes: number;
  /**
   * Absent once every row is sealed. Otherwise the table being sealed and the last
   * primary key done, so a migration killed halfway continues where it was.
   */
  migration?: { table: string; after?: unknown; compacted?: boolean; to?: 'plain' };
}

/**
 * The municipality's local layer as stored (src/local/store/): row 'eigen' is ours; rows
 * 'bron-<code>' hold another municipality's layer as we last copied it, to show what it changed since.
 */
export interface LocalLayerRow extends LocalLayer {
  id: string;
}
