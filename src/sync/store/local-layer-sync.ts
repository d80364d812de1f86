import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import type { SyncMembership } from '../../db/rows.ts';
import { LocalLayerError } from '../../local/domain/local-layer-error.ts';
import { LOCAL_LIMITS } from '../../local/format/rules.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport } from '../../local/store/local-exchange.ts';
import { readLocalFile } from '../../local/store/local-file-io.ts';
import { readLocalLayer } from '../../local/store/local-store.ts';
import { LOCAL_CONFLICT } from '../domain/local-layer-conflict.ts';
import { SyncHttpError, syncApi } from './api.ts';
import { readMembership, updateMembership } from './membership.ts';

/**
 * The team's local layer (docs/sync-protocol.md, "Local layer"). Like the outbox, what to send
 * is derived: the stored layer's revision against the one last agreed with the server
 * (`membership.localLayer`), so an edit never waits for the network and never needs to know
 * about sync. A newer team revision comes in through the one import path of a local layer
 * file (read, preview, apply as the own layer), which checks it as hostile input and writes a
 * history row naming the coordinator's device. Returns a Dutch problem, or undefined.
 */

const OTHER_MUNICIPALITY =
  'De lokale laag van het team hoort bij een andere gemeente dan de lokale laag op dit apparaat. Er is niets gewijzigd.';

export async function syncLocalLayer(
  db: AppDatabase,
  membership: SyncMembership,
  kader: Kader | undefined,
  /** "Versie van het team overnemen" after a conflict: the team's layer replaces unsent own edits (kept in the history). */
  adopt = false,
): Promise<string | undefined> {
  try {
    return await exchangeLayer(db, membership, kader, adopt);
  } catch (error) {
    // A refusal about the layer alone (a broken upload, a body too large) must not stop the
    // incidents' sync: say it beside the sync state. No answer, a revocation, a lost token go on
    // to the loop's own handling (backoff, removal, "koppel opnieuw").
    if (error instanceof SyncHttpError && [400, 409, 413, 415].includes(error.status)) return error.userMessage;
    throw error;
  }
}

async function exchangeLayer(
  db: AppDatabase,
  membership: SyncMembership,
  kader: Kader | undefined,
  adopt: boolean,
): Promise<string | undefined> {
  const token = membership.token;
  if (!token) return undefined;
  const own = await readLocalLayer(db);
  const agreed = membership.localLayer;
  const unsent = own !== undefined && own.revision !== agreed?.localRevision;
  const known = adopt ? 0 : (agreed?.serverRevision ?? 0);

  if (unsent && membership.role === 'coordinator' && !adopt) {
    const { file } = await exportLocalLayer({ shared: false, contentVersion: kader?.version ?? 'onbekend', db });
    try {
      const { revision } = await syncApi.putLocalLayer(token, known, file);
      await updateMembership(db, { localLayer: { serverRevision: revision, localRevision: own.revision } });
      return undefined;
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'local-layer-stale') return LOCAL_CONFLICT;
      throw error;
    }
  }

  const response = await syncApi.localLayer(token, known);
  if (response.revision <= known || response.file === undefined) return undefined;
  const text = JSON.stringify(response.file);
  const read = await readLocalFile({ size: text.length, text: async () => text });
  if (!read.ok) return read.message;
  // The team's layer replaces the own one: a contact the coordinator removed goes here too.
  const plan = await previewLocalImport(read.file, { db, choice: 'vervangen' });
  if (plan.mode !== 'eigen') return OTHER_MUNICIPALITY;
  let localRevision = own?.revision ?? 0;
  if (!plan.unchanged) {
    const actor = (response.updatedBy ?? membership.teamName).slice(0, LOCAL_LIMITS.name);
    try {
      localRevision = (await applyLocalImport(plan, read.file, { db, actor })).revision;
    } catch (error) {
      // Edited meanwhile (another tab): that edit's change notice runs this again, on the new layer.
      if (error instanceof LocalLayerError) return undefined;
      throw error;
    }
  }
  // Only if the membership is still the one we started from (not revoked meanwhile).
  if ((await readMembership(db))?.token === token)
    await updateMembership(db, { localLayer: { serverRevision: response.revision, localRevision } });
  return undefined;
}
