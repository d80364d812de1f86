import type { z } from 'zod';
import type { exchangeFileSchema } from './schema.ts';

/**
 * The exchange file's constants and types. The types come from the one description of
 * the format, the zod schema in schema.ts, by `import type`: erased from the bundle,
 * so export, anonymisation and the screens do not pull zod into the first script.
 * See docs/exchange-format.md.
 */

export const EXCHANGE_FORMAT = 'handelingskader-export';
export const EXCHANGE_VERSION = 1;

/** Limits that keep a hostile file from filling memory or the screen. */
export { LIMITS } from '../../model/limits.ts';

export type ExchangeFile = z.infer<typeof exchangeFileSchema>;
export type ExchangeIncident = ExchangeFile['incidents'][number];
/** An incident at a glance in a file; its own type, so a change to the list row cannot change the format. */
export type IncidentSummary = ExchangeIncident['incident'];
/** What was removed, e.g. `phone`, `actor-name`, and how often; see REMOVED_LABEL. Never the removed value. */
export type RemovedCount = NonNullable<ExchangeFile['removed']>[number];
