import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import type { SyncMembership } from '../../db/rows.ts';
import { LocalLayerError } from '../../local/domain/local-layer-error.ts';
import { LOCAL_LIMITS } from '../../local/format/rules.ts';
import { applyLocalImport, exportLocalLayer, previewLocalImport } from '../../local/store/local-exchange.ts';
import { readLocalFile } from '../../local/store/local-file-io.ts';
import { readLocalLayer } from '../../local/store/local-store.ts';
import { canonicalJson } from '../../model/canonical-json.ts';
import { sha256Hex } from '../../model/hashing.ts';
import { LOCAL_CONFLICT, LOCAL_RESTORED_CONFLICT } from '../domain/local-layer-conflict.ts';
import { serverLayerVerdict } from '../domain/local-layer-revision.ts';
import type { LocalLayerResponse } from '../domain/protocol.ts';
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

type Agreed = NonNullable<SyncMembership['localLayer']>;

async function exchangeLayer(
  db: AppDatabase,
  membership: SyncMembership,
  kader: Kader | undefined,
  adopt: boolean,
): Promise<string | undefined> {
  const token = membership.token;
  if (!token) return undefined;
  const own = await readLocalLayer(db);
  if (adopt) return take(db, membership, own?.revision, await syncApi.localLayer(token, 0));
  const coordinator = membership.role === 'coordinator' && own !== undefined;
  const agreed = membership.localLayer;
  const known = agreed?.serverRevision ?? 0;

  if (coordinator && own.revision !== agreed?.localRevision) {
    // Unsent edits: offer them on the agreed revision (one request in the usual case).
    const refused = await offer(db, token, kader, { revision: known, updatedAt: agreed?.serverUpdatedAt });
    if (refused === undefined) return undefined;
    // Refused as stale. The server's next revision may be this device's own upload whose answer
    // was lost (the app closed, the connection dropped; before this run, or a slow one of an
    // earlier page that arrived during it): agree on it, and offer what was edited since.
    const server = await syncApi.localLayer(token, known);
    // The one just refused too: another tab's agreement may have cleared the stored ones since.
    const stored = await sentUploads(db);
    const mine = ownUpload(server, known, [...stored, refused]);
    if (mine !== undefined) {
      await agree(db, token, { serverRevision: server.revision, localRevision: mine, ...stampOf(server) });
      return offerOrConflict(db, token, kader, server, mine);
    }
    // None of ours on this base was stored (a record on a newer base is another tab's, in flight).
    const others = stored.filter((upload) => upload.baseRevision !== known);
    await updateOwnMembership(db, token, { localLayerSent: others.length > 0 ? others : undefined });
    // Otherwise the team's layer moved on elsewhere (a conflict), or the server was restored
    // and holds an older revision of the agreed line (offer again on that one).
    const verdict = serverLayerVerdict(agreed, server);
    if (verdict === 'restored') return offerOrConflict(db, token, kader, server);
    return verdict === 'replaced' ? LOCAL_RESTORED_CONFLICT : LOCAL_CONFLICT;
  }

  const server = await syncApi.localLayer(token, known);
  switch (serverLayerVerdict(agreed, server)) {
    case 'same':
      // An agreement stored before stamps were kept: record the server's now, or the
      // stamp-less fallback of the restore check would stay for good.
      if (agreed && agreed.serverUpdatedAt === undefined && server.updatedAt !== undefined)
        await agree(db, token, { ...agreed, serverUpdatedAt: server.updatedAt });
      return undefined;
    case 'newer':
      return take(db, membership, own?.revision, server);
    case 'restored':
      // The server lost revisions this device agreed on (a backup); what it holds is older.
      // A coordinator offers its layer again, so the team gets the agreed version back. Any
      // other device keeps its layer (the newer one) rather than step back to the backup's,
      // and agrees on the server's revision, so it takes the next upload (the coordinator's
      // offer, or a new edit) through the usual path. Nothing is lost either way.
      if (coordinator) return offerOrConflict(db, token, kader, server);
      await agree(db, token, {
        serverRevision: server.revision,
        localRevision: (agreed as Agreed).localRevision,
        ...stampOf(server),
        keptNewer: true,
      });
      return undefined;
    case 'replaced':
      // Restored, and uploaded to by another device since: that layer is news this device lacks.
      // Unsent edits never reach here (the offer above handles them and names the conflict), so
      // this device has nothing of its own to lose: coordinator or not, it takes the team's layer,
      // and its previous one stays in the history. Taken rather than compared first: the import
      // already compares content, so another coordinator phone re-offering the very layer both
      // agreed on (the usual case) writes no history row and only records the new agreement.
      return take(db, membership, own?.revision, await syncApi.localLayer(token, 0));
  }
}

const stampOf = (server: { updatedAt?: string }) =>
  server.updatedAt === undefined ? {} : { serverUpdatedAt: server.updatedAt };

/** An upload of the layer not yet agreed on: see SyncMembership.localLayerSent. */
type Sent = NonNullable<SyncMembership['localLayerSent']>[number];

/** How many unanswered uploads on one base are remembered: a lost answer, an edit, another lost one… */
const SENT_KEPT = 5;

async function sentUploads(db: AppDatabase): Promise<Sent[]> {
  const sent = (await readMembership(db))?.localLayerSent;
  return Array.isArray(sent) ? sent : [];
}

/**
 * The coordinator's whole layer as the team's next revision on `base` (with when the server
 * stored it, so the same number with other content after a restore is refused, not
 * overwritten). Undefined when stored, or when `unless` is already the own layer's revision
 * (nothing to send); the refused upload when refused as stale.
 */
async function offer(
  db: AppDatabase,
  token: string,
  kader: Kader | undefined,
  base: { revision: number; updatedAt?: string | undefined },
  unless?: number,
): Promise<Sent | undefined> {
  const { file } = await exportLocalLayer({ shared: false, contentVersion: kader?.version ?? 'onbekend', db });
  const localRevision = file.layer.revision;
  if (localRevision === unless) return undefined;
  // Remembered before it goes: if the answer is lost, a later refusal can recognise it on the server.
  const sent: Sent = { fingerprint: fingerprintOf(file), baseRevision: base.revision, localRevision };
  // A retry of the same layer is one record, so retries cannot push out an earlier lost one. A
  // refused upload's record stays too: it can only match a layer the server holds that is this one.
  const earlier = (await sentUploads(db)).filter(
    (upload) => upload.baseRevision === base.revision && upload.fingerprint !== sent.fingerprint,
  );
  await updateOwnMembership(db, token, { localLayerSent: [...earlier, sent].slice(-SENT_KEPT) });
  try {
    const response = await syncApi.putLocalLayer(token, base, file);
    await agree(db, token, { serverRevision: response.revision, localRevision, ...stampOf(response) });
    return undefined;
  } catch (error) {
    if (error instanceof SyncHttpError && error.code === 'local-layer-stale') return sent;
    throw error;
  }
}

/** `offer`, with a refusal as the conflict it is (the team's layer moved on). */
async function offerOrConflict(...args: Parameters<typeof offer>): Promise<string | undefined> {
  return (await offer(...args)) === undefined ? undefined : LOCAL_CONFLICT;
}

/**
 * Of the layer only: two exports of one revision differ in `exportedAt`. The layer carries its
 * own revision, so equal fingerprints mean that revision's content. Canonical JSON, because
 * the server stores the file as JSONB, which reorders keys.
 */
const fingerprintOf = (file: unknown) => sha256Hex(canonicalJson((file as { layer?: unknown }).layer ?? null));

/** The own revision that the server's next revision after `base` is an upload of, if any of `sent`. */
function ownUpload(server: LocalLayerResponse, base: number, sent: Sent[]): number | undefined {
  if (server.revision !== base + 1 || server.file === undefined) return undefined;
  const fingerprint = fingerprintOf(server.file);
  return sent.find((upload) => upload.baseRevision === base && upload.fingerprint === fingerprint)?.localRevision;
}

/** Applies the team's layer from `response` (when it carries one) as this device's own. */
async function take(
  db: AppDatabase,
  membership: SyncMembership,
  ownRevision: number | undefined,
  response: LocalLayerResponse,
): Promise<string | undefined> {
  if (response.file === undefined) return undefined;
  const text = JSON.stringify(response.file);
  const read = await readLocalFile({ size: text.length, text: async () => text });
  if (!read.ok) return read.message;
  // The team's layer replaces the own one: a contact the coordinator removed goes here too.
  const plan = await previewLocalImport(read.file, { db, choice: 'vervangen' });
  if (plan.mode !== 'eigen') return OTHER_MUNICIPALITY;
  let localRevision = ownRevision ?? 0;
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
  await agree(db, membership.token, { serverRevision: response.revision, localRevision, ...stampOf(response) });
  return undefined;
}

/** Stores what was agreed (which answers any upload still waiting), only if the membership is still ours. */
function agree(db: AppDatabase, token: string | undefined, localLayer: Agreed): Promise<void> {
  return updateOwnMembership(db, token, { localLayer, localLayerSent: undefined });
}

/** Changes the membership only if it is still the one we started from (not revoked meanwhile). */
async function updateOwnMembership(db: AppDatabase, token: string | undefined, change: Partial<SyncMembership>) {
  if (token !== undefined && (await readMembership(db))?.token === token) await updateMembership(db, change);
}
