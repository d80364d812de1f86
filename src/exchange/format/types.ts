import type { IncidentRow } from '../../db/rows.ts';
import type { IncidentEvent } from '../../model/events.ts';

/**
 * The exchange file's types and constants, without the validation library, so export,
 * anonymisation and the screens do not pull zod into the first script. format.ts holds
 * the schemas and checks that they produce these types.
 */

export const EXCHANGE_FORMAT = 'handelingskader-export';
export const EXCHANGE_VERSION = 1;

/** Limits that keep a hostile file from filling memory or the screen. */
export { LIMITS } from '../../model/limits.ts';

export type IncidentSummary = IncidentRow;

export interface ExchangeIncident {
  incident: IncidentSummary;
  events: IncidentEvent[];
}

export interface RemovedCount {
  /** What was removed, e.g. `phone`, `actor-name`; see REMOVED_LABEL. Never the removed value. */
  what: string;
  count: number;
}

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  exportedAt: string;
  contentVersion: string;
  app: { name: string; version: string };
  anonymised: boolean;
  removed?: RemovedCount[];
  incidents: ExchangeIncident[];
  network?: ExchangeIncident[];
}
