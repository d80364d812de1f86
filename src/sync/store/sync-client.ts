import Dexie from 'dexie';
import type { Kader } from '../../content/schema.ts';
import { dataKey } from '../../db/data-key.ts';
import type { AppDatabase } from '../../db/database.ts';
import { getDeviceId } from '../../db/settings.ts';
import { MergeRefusedError } from '../../incidents/domain/merge-events.ts';
import { backoffDelay, PERIODIC_MS, retryDelay } from '../domain/backoff.ts';
import { isRetryable, type StreamChanges } from '../domain/protocol.ts';
import { REFUSED_MESSAGES, refusedMergeMessage, revokedMessage } from '../domain/sync-messages.ts';
import type { SyncState } from '../domain/sync-state.ts';
import { SyncHttpError, streamUrl, syncApi } from './api.ts';
import { forgetTeam } from './apply-changes.ts';
import { syncLocalLayer } from './local-layer-sync.ts';
import { readMembership } from './membership.ts';
import { applyFeedPage, pullAll } from './pull-feed.ts';
import { outboxCounts, pushOutbox, readOutbox } from './push.ts';
import { restartFeed } from './restart-feed.ts';

/**
 * The client loop: push the derived outbox, pull after the cursor, hold a live stream.
 * Runs at start, on `online`, after every local change of a log (Dexie's storagemutated,
 * also from other tabs), every minute, and after a failure with backoff. Nothing waits
 * for it: a tap is stored locally and the loop carries it later. One run at a time; a
 * kick during a run asks for one more. Makes no request at all without a team.
 */
export interface SyncClient {
  state(): SyncState;
  subscribe(listener: () => void): () => void;
  /** Run soon (after a local change, a share, on `online`). */
  kick(): void;
  /** "Opnieuw proberen", or new content or code: forget earlier refusals and backoff, run now. */
  retry(): void;
  /** After a conflict over the local layer: take the team's version (the own one stays in the history). */
  adoptTeamLayer(): void;
  stop(): void;
}

export interface SyncClientOptions {
  db: AppDatabase;
  kader: () => Kader | undefined;
}

export function startSyncClient({ db, kader }: SyncClientOptions): SyncClient {
  let state: SyncState = { phase: 'connecting', pending: 0 };
  const listeners = new Set<() => void>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | undefined;
  /** Incidents the server refused for good (tampered, conflict): not sent again this session. */
  const blocked = new Set<string>();
  /** The team's local layer is checked at start, on the stream's notice, after an own edit and each minute. */
  let localDue = true;
  let localCheckedAt = 0;
  /** The last layer check failed (no answer, a server error): the stream's start does not repeat it. */
  let localFailed = false;
  let adoptLayer = false;
  /** Stream messages and runs share one queue, so changes are applied in feed order. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const set = (change: Partial<SyncState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(kick, ms);
  };
  const closeStream = () => {
    source?.close();
    source = undefined;
  };

  const countPending = async () => outboxCounts(await readOutbox(db, await getDeviceId(db)));
  const NOTHING = { pending: 0, pendingIn: new Map<string, number>() };

  async function revoked(): Promise<void> {
    closeStream();
    await forgetTeam(db, new Date(), kader());
    set({
      phase: 'revoked',
      ...NOTHING,
      localLayerProblem: undefined,
      problem: revokedMessage((await readMembership(db))?.revokedRemoved),
    });
  }

  async function run(): Promise<void> {
    // 'unknown': the keyring is not read yet, so a sealed membership could not be told from none.
    if (dataKey.status() === 'unknown') return;
    if (dataKey.status() === 'locked') {
      closeStream();
      set({ phase: 'locked' });
      return;
    }
    const membership = await readMembership(db);
    if (!membership) return set({ phase: 'none', ...NOTHING });
    if (!membership.token || membership.revokedAt) {
      closeStream();
      const problem = revokedMessage(membership.revokedRemoved);
      return set({ phase: 'revoked', ...NOTHING, lastSyncAt: undefined, localLayerProblem: undefined, problem });
    }
    const deviceId = await getDeviceId(db);
    const outbox = await readOutbox(db, deviceId);
    set({ ...outboxCounts(outbox), lastSyncAt: membership.lastSyncAt });
    try {
      if (membership.role !== 'meelezer') await pushOutbox(db, membership.token, outbox, blocked, kader());
      await serial(() => pullAll(db, kader, membership.token!, () => stopped));
      if (localDue || Date.now() - localCheckedAt >= PERIODIC_MS) {
        localDue = false;
        localCheckedAt = Date.now();
        const adopt = adoptLayer;
        adoptLayer = false;
        // Set by the outcome only: a stream ready while this check runs still looks again.
        const localLayerProblem = await serial(async () => {
          const current = await readMembership(db);
          const problem = current?.token ? await syncLocalLayer(db, current, kader(), adopt) : undefined;
          localFailed = false;
          return problem;
        }).catch((error: unknown) => {
          // No answer or a server error; not a lock or revocation, after which the stream's start should look.
          localFailed = error instanceof SyncHttpError && (error.status === 0 || isRetryable(error.status));
          throw error;
        });
        set({ localLayerProblem });
      }
      failures = 0;
      set({
        phase: 'connected',
        ...outboxCounts(await readOutbox(db, deviceId)),
        lastSyncAt: (await readMembership(db))?.lastSyncAt,
        problem: undefined,
      });
      if (!source) await openStream(membership.token);
      schedule(PERIODIC_MS);
    } catch (error) {
      await failed(error);
    }
  }

  /**
   * The server cannot vouch for the cursor (restored from a backup): start the feed again and
   * offer the own events again (restart-feed.ts), in the next run, saying so meanwhile. No tap waits.
   */
  async function restart(): Promise<void> {
    closeStream();
    await serial(() => restartFeed(db));
    // The backup may have lost revisions of the team's local layer too: check it in that run
    // (local-layer-sync.ts offers it again or keeps it), not only at the next periodic check.
    localDue = true;
    set({ phase: 'catching-up', ...(await countPending().catch(() => ({}))), problem: undefined });
    schedule(0);
  }

  async function failed(error: unknown): Promise<void> {
    // In the queue, like the stream's notice: the two never remove things side by side.
    if (error instanceof SyncHttpError && error.code === 'device-revoked') return serial(revoked);
    if (error instanceof SyncHttpError && error.code === 'cursor-unknown') return restart();
    if (error instanceof MergeRefusedError) {
      // Nothing of the batch was applied and the cursor stays: report, and try again only much
      // later by itself; "Opnieuw proberen" (retry) and new content or code try at once.
      blocked.add(error.incidentId);
      // Later stream messages must not store a cursor past the refused changes.
      closeStream();
      const title = await db.incidents
        .get(error.incidentId)
        .then((row) => row?.title)
        .catch(() => undefined);
      set({ phase: 'refused', problem: refusedMergeMessage(title) });
      return schedule(PERIODIC_MS * 10);
    }
    if (error instanceof SyncHttpError && (error.status === 0 || isRetryable(error.status))) {
      failures++;
      closeStream();
      // A push cut off halfway acknowledged its first batches: count again what still waits.
      set({ phase: 'offline', ...(await countPending().catch(() => ({}))) });
      return schedule(retryDelay(failures, error.retryAfterSeconds));
    }
    if (error instanceof SyncHttpError) {
      set({ phase: 'refused', problem: REFUSED_MESSAGES[error.code] ?? error.userMessage });
      return schedule(PERIODIC_MS * 10);
    }
    failures++;
    set({ phase: 'offline' });
    schedule(backoffDelay(failures));
  }

  async function openStream(token: string): Promise<void> {
    const membership = await readMembership(db);
    if (!membership?.token || stopped) return;
    const { ticket } = await syncApi.ticket(token);
    const stream = new EventSource(streamUrl(ticket, membership.cursor, membership.cursorCheck));
    source = stream;
    stream.addEventListener('changes', (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as StreamChanges;
      serial(() => applyFeedPage(db, kader, data.changes, data.cursor, data.cursorCheck))
        .then(async () => set({ lastSyncAt: (await readMembership(db))?.lastSyncAt, phase: 'connected' }))
        .catch((error: unknown) => failed(error));
    });
    stream.addEventListener('ready', () => {
      // A revision stored while this device had no stream (between the run's check and now, or
      // while it reconnected) was announced to none: now that the server listens, look once more.
      // Not after a failed check: that would open a new stream each second, each failing again.
      if (localFailed) return;
      localDue = true;
      kick();
    });
    stream.addEventListener('local-layer', () => {
      localDue = true;
      kick();
    });
    stream.addEventListener('revoked', () => {
      serial(revoked).catch(() => undefined);
    });
    stream.addEventListener('error', () => {
      // Its own reconnect would reuse a spent ticket: close, and let the loop open a new one with the cursor.
      if (source !== stream) return;
      closeStream();
      failures++;
      set({ phase: 'offline' });
      schedule(backoffDelay(failures));
    });
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error: unknown) => failed(error))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          kick();
        }
      });
  }

  // A tap writes a log or an appended row: carry it soon. Debounced: a burst of taps is one push.
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const onMutated = (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts);
    // An edit of the local layer (a coordinator's form) waits a little longer: a burst is one upload.
    const layer = keys.some((key) => key.includes('/localLayer/'));
    if (!layer && !keys.some((key) => key.includes('/logs/') || key.includes('/appendedEvents/'))) return;
    if (layer) localDue = true;
    clearTimeout(debounce);
    debounce = setTimeout(kick, layer ? 500 : 50);
  };
  const onOnline = () => {
    failures = 0;
    kick();
  };
  const retry = () => {
    localDue = true;
    blocked.clear();
    failures = 0;
    set({ phase: 'connecting', problem: undefined });
    kick();
  };
  Dexie.on('storagemutated').subscribe(onMutated);
  window.addEventListener('online', onOnline);
  const unsubscribeLock = dataKey.subscribe(kick);
  kick();

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    kick,
    retry,
    adoptTeamLayer() {
      adoptLayer = true;
      localDue = true;
      kick();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(debounce);
      closeStream();
      Dexie.on('storagemutated').unsubscribe(onMutated);
      window.removeEventListener('online', onOnline);
      unsubscribeLock();
    },
  };
}
