import { monotonicFactory } from 'ulid';
import type { Kader } from '../../content/schema.ts';
import { type AppDatabase, getAppDatabase } from '../../db/database.ts';
import { deleteLog } from '../../db/event-log.ts';
import { forgetOnLock } from '../../db/forget-on-lock.ts';
import { addressKeyOf } from '../../model/address-key.ts';
import {
  type ClearableDetail,
  DECISION_OUTCOMES,
  type EventPayloads,
  type EventType,
  type IncidentDetails,
  type IncidentEvent,
  STEP_STATUSES,
  type StepStatus,
} from '../../model/events.ts';
import { LIMITS } from '../../model/limits.ts';
import type { LocalLayerRef } from '../../model/local-layer.ts';
import { PHASE_IDS, type PhaseId } from '../../model/vocabulary.ts';
import {
  pickDetails,
  requireDate,
  requireLength,
  requireLiveEntry,
  requireOpen,
  requirePast,
  requireText,
  validateDecisionDates,
  validateDetails,
} from '../domain/command-guards.ts';
import { foldIncident } from '../domain/fold.ts';
import { invalid, notFound } from '../domain/incident-command-error.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { clearDraftsOf } from './drafts.ts';
import { appendToKnownLog, type WriterDependencies, type WriteScope, writeInTransaction } from './incident-writer.ts';
import { liveLog } from './live-log.ts';

/**
 * The write API the screens call. Every command appends one event (creation may add
 * links) and rewrites the list row in the same transaction, and resolves only once
 * both are stored: the UI may say "opgeslagen" when the promise resolves.
 * Failures reject with IncidentCommandError (refused, nothing written) or StorageError.
 */

export interface IncidentCommandOptions {
  db?: AppDatabase;
  /** The framework content, for progress in list rows; a getter because it loads later. */
  kader?: () => Kader | undefined;
  now?: () => Date;
}

export type DetailsChange = Partial<IncidentDetails> & { clear?: ClearableDetail[] };
export type DecisionInput = EventPayloads['decision.recorded'];
export type EntryEdit = EventPayloads['entry.edited'];

export function createIncidentCommands(options: IncidentCommandOptions = {}) {
  const clock = options.now ?? (() => new Date());
  // A guard checks a time against the moment the event will carry, not a second reading of the clock.
  let checkedAt: Date | undefined;
  const deps: WriterDependencies = {
    db: options.db ?? getAppDatabase(),
    kader: options.kader ?? (() => undefined),
    now: () => {
      const at = checkedAt ?? clock();
      checkedAt = undefined;
      return at;
    },
    nextId: monotonicFactory(),
  };
  // The adviser's name, kept for a tap's check, is personal: it goes on a lock (the next write reads it again).
  const held = new WeakRef(deps);
  const unforget = forgetOnLock(() => {
    const current = held.deref();
    if (current) current.actor = undefined;
    else unforget();
  });
  /** Runs a time guard; a refusal must not leave its reading for a later event. */
  function checkAtNow(check: (now: Date) => void): void {
    checkedAt = clock();
    try {
      check(checkedAt);
    } catch (error) {
      checkedAt = undefined;
      throw error;
    }
  }

  /** Appends one event to an existing incident after `check` accepts its current state. */
  async function appendOne<T extends EventType>(
    incidentId: string,
    type: T,
    payload: EventPayloads[T],
    check: (state: IncidentState) => void = requireOpen,
  ): Promise<string> {
    try {
      const fast = await appendToKnownLog(deps, incidentId, type, payload, check);
      if (fast !== undefined) return fast;
      return await writeInTransaction(
        deps,
        async (scope) => {
          const { stored, state } = await load(scope, incidentId);
          check(state);
          const event = scope.event(incidentId, type, payload);
          await scope.append(incidentId, stored, [event as IncidentEvent]);
          return event.id;
        },
        incidentId,
      );
    } finally {
      checkedAt = undefined;
    }
  }

  return {
    /** Returns the new id and the earlier incidents at the same address it was linked to. */
    async createIncident(
      details: IncidentDetails,
      phase: EventPayloads['incident.created']['phase'],
      contentVersion: string,
      /** The municipality's local layer in use (KaderIndex.local), recorded with the incident. */
      localLayer?: LocalLayerRef,
    ): Promise<{ incidentId: string; linkedIncidentIds: string[] }> {
      if (phase !== 'dreiging' && phase !== 'direct-na') throw invalid('Kies de fase: dreiging of direct na.');
      checkAtNow((now) => validateDetails(details, false, now));
      return writeInTransaction(deps, async (scope) => {
        const incidentId = scope.newId();
        const created = scope.event(incidentId, 'incident.created', {
          ...pickDetails(details),
          phase,
          contentVersion,
          ...(localLayer
            ? { localLayer: { municipalityCode: localLayer.municipalityCode, revision: localLayer.revision } }
            : {}),
        });
        const linkedIncidentIds = await linkSameAddress(scope, incidentId, details, [], [created]);
        return { incidentId, linkedIncidentIds };
      }).finally(() => {
        checkedAt = undefined;
      });
    },

    async setStepStatus(incidentId: string, stepId: string, status: StepStatus, reason?: string): Promise<string> {
      if (!stepId) throw invalid('Er is geen stap gekozen.');
      if (!STEP_STATUSES.includes(status)) throw invalid('Kies een geldige status voor de stap.');
      requireLength(reason, LIMITS.freeText, 'De reden');
      const payload = reason?.trim() ? { stepId, status, reason } : { stepId, status };
      return appendOne(incidentId, 'step.status-set', payload);
    },

    /** Returns the note's id, which edits and withdrawals refer to. Text is stored verbatim. */
    async addStepNote(incidentId: string, stepId: string, text: string): Promise<string> {
      if (!stepId) throw invalid('Er is geen stap gekozen.');
      requireText(text);
      return appendOne(incidentId, 'step.note-added', { stepId, text });
    },

    /** Returns the entry's id. Without happenedAt the entry happened when it was written. */
    async addLogEntry(incidentId: string, text: string, happenedAt?: string): Promise<string> {
      requireText(text);
      if (happenedAt !== undefined) checkAtNow((now) => requirePast(happenedAt, now));
      return appendOne(incidentId, 'log.entry-added', happenedAt ? { text, happenedAt } : { text });
    },

    /** Returns the decision's id. */
    async recordDecision(incidentId: string, decision: DecisionInput): Promise<string> {
      if (!decision.instrumentId) throw invalid('Kies het instrument waarover besloten is.');
      if (!DECISION_OUTCOMES.includes(decision.outcome)) throw invalid('Kies of het besluit genomen is of niet.');
      requireDate(decision.decidedAt);
      checkAtNow((now) => validateDecisionDates(decision, now));
      return appendOne(incidentId, 'decision.recorded', decision);
    },

    /** Corrects a note, log entry or decision; the original stays in the log. */
    async editEntry(incidentId: string, entryId: string, edit: Omit<EntryEdit, 'entryId'>): Promise<string> {
      if (edit.text !== undefined) requireText(edit.text);
      const { happenedAt } = edit;
      if (happenedAt !== undefined) checkAtNow((now) => requirePast(happenedAt, now));
      const { decision } = edit;
      if (decision && !happenedAt) checkAtNow((now) => validateDecisionDates(decision, now));
      return appendOne(incidentId, 'entry.edited', { ...edit, entryId }, (state) => {
        requireOpen(state);
        requireLiveEntry(state, entryId);
      });
    },

    async withdrawEntry(incidentId: string, entryId: string, reason: string): Promise<string> {
      if (!reason.trim()) throw invalid('Geef aan waarom u dit intrekt.');
      return appendOne(incidentId, 'entry.withdrawn', { entryId, reason }, (state) => {
        requireOpen(state);
        requireLiveEntry(state, entryId);
      });
    },

    async changePhase(incidentId: string, phase: PhaseId): Promise<string> {
      if (!PHASE_IDS.includes(phase)) throw invalid('Kies een geldige fase.');
      return appendOne(incidentId, 'incident.phase-changed', { phase });
    },

    /** Closing a closed incident (a double tap) writes nothing. */
    async closeIncident(incidentId: string): Promise<void> {
      return writeInTransaction(deps, async (scope) => {
        const { stored, state } = await load(scope, incidentId);
        if (state.status === 'gesloten') return;
        await scope.append(incidentId, stored, [scope.event(incidentId, 'incident.closed', {})]);
      });
    },

    /** Reopening an open incident writes nothing. */
    async reopenIncident(incidentId: string): Promise<void> {
      return writeInTransaction(deps, async (scope) => {
        const { stored, state } = await load(scope, incidentId);
        if (state.status === 'open') return;
        await scope.append(incidentId, stored, [scope.event(incidentId, 'incident.reopened', {})]);
      });
    },

    /** A new address is checked for earlier incidents there, like at creation. */
    async updateDetails(incidentId: string, changes: DetailsChange): Promise<{ linkedIncidentIds: string[] }> {
      checkAtNow((now) => validateDetails(changes, true, now));
      return writeInTransaction(deps, async (scope) => {
        const { stored, state } = await load(scope, incidentId);
        requireOpen(state);
        const { clear } = changes;
        const changed = scope.event(incidentId, 'incident.details-changed', {
          ...pickDetails(changes),
          ...(clear?.length ? { clear } : {}),
        });
        const after = foldIncident([...stored, changed]);
        const linkedIncidentIds = await linkSameAddress(scope, incidentId, after?.details, stored, [changed]);
        return { linkedIncidentIds };
      }).finally(() => {
        checkedAt = undefined;
      });
    },

    /** Removes every event and the row of this incident; links from other incidents stay as history. */
    async deleteIncident(incidentId: string): Promise<void> {
      const { db } = deps;
      await writeInTransaction(deps, async () => {
        await deleteLog(db, incidentId);
        await db.incidents.delete(incidentId);
      });
      liveLog.forget(incidentId);
      clearDraftsOf(incidentId);
    },
  };

  /** Appends `own` plus links to earlier incidents at the address; links both ways. */
  async function linkSameAddress(
    scope: WriteScope,
    incidentId: string,
    details: Pick<IncidentDetails, 'address'> | undefined,
    stored: IncidentEvent[],
    own: IncidentEvent[],
  ): Promise<string[]> {
    const key = addressKeyOf(details?.address);
    const alreadyLinked = new Set(foldIncident([...stored, ...own])?.links.map((link) => link.incidentId));
    const others = key
      ? (await deps.db.incidents.where('addressKey').equals(key).primaryKeys()).filter(
          (id) => id !== incidentId && !alreadyLinked.has(id),
        )
      : [];
    const links = others.map((otherIncidentId) =>
      scope.event(incidentId, 'incident.linked', { otherIncidentId, reason: 'zelfde-adres' }),
    );
    await scope.append(incidentId, stored, [...own, ...links]);
    // The earlier incident learns of the repeat too, even when closed: that is history, not an edit.
    for (const otherId of others) {
      const otherEvents = await scope.readEvents(otherId);
      const back = scope.event(otherId, 'incident.linked', { otherIncidentId: incidentId, reason: 'zelfde-adres' });
      await scope.append(otherId, otherEvents, [back]);
    }
    return others;
  }
}

export type IncidentCommands = ReturnType<typeof createIncidentCommands>;

async function load(scope: WriteScope, incidentId: string) {
  const stored = await scope.readEvents(incidentId);
  const state = foldIncident(stored);
  if (!state) throw notFound();
  return { stored, state };
}
