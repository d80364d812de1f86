import { type ComponentType, createContext, use } from 'react';

/**
 * What later features add to the incident screens, composed in app/ (incidents cannot
 * import them): a label on a list row, something in the incident header or under its tabs, a reason
 * why an incident is read-only here, and how deleting it works. Empty by default: the screens work as before.
 */
export interface IncidentExtensions {
  /** E.g. "Gedeeld met team"; undefined for nothing. */
  rowLabel?: (incidentId: string) => string | undefined;
  /** Dutch reason when this device may only read the incident. */
  readOnlyReason?: (incidentId: string) => string | undefined;
  HeaderExtra?: ComponentType<{ incidentId: string }>;
  /**
   * A short status under the tabs, above what they show (e.g. whether the incident's changes
   * reached the team): below the header, so the header and tabs stay within a third of the screen.
   */
  StatusExtra?: ComponentType<{ incidentId: string }>;
  /** How deleting works when the incident is not this device's alone (shared with a team). */
  removal?: (incidentId: string) => IncidentRemoval | undefined;
  /** Dutch: what of an import previewed now will stay on this device only; undefined for nothing. */
  importNote?: (incidents: readonly ImportedIncident[]) => string | undefined;
}

/** An incident in an import preview, as far as an extension needs it. */
export interface ImportedIncident {
  incidentId: string;
  title: string;
  /** Events the import adds, per device id that wrote them. */
  addedByDevice: Readonly<Record<string, number>>;
}

export interface IncidentRemoval {
  /** Dutch: where else the incident disappears, shown before the adviser confirms. */
  warning: string;
  /** Dutch: why this device may not delete it; the delete button is then not offered. */
  refusal?: string;
  /** Deletes it everywhere, instead of on this device only; throws with a Dutch `userMessage`, having deleted nothing. */
  remove: () => Promise<void>;
}

const ExtensionsContext = createContext<IncidentExtensions>({});

export const IncidentExtensionsProvider = ExtensionsContext;

export function useIncidentExtensions(): IncidentExtensions {
  return use(ExtensionsContext);
}
