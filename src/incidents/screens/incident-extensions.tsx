import { type ComponentType, createContext, use } from 'react';

/**
 * What later features add to the incident screens, composed in app/ (incidents cannot
 * import them): a label on a list row, something in the incident header, and a reason
 * why an incident is read-only here. Empty by default: the screens work as before.
 */
export interface IncidentExtensions {
  /** E.g. "Gedeeld met team"; undefined for nothing. */
  rowLabel?: (incidentId: string) => string | undefined;
  /** Dutch reason when this device may only read the incident. */
  readOnlyReason?: (incidentId: string) => string | undefined;
  HeaderExtra?: ComponentType<{ incidentId: string }>;
}

const ExtensionsContext = createContext<IncidentExtensions>({});

export const IncidentExtensionsProvider = ExtensionsContext;

export function useIncidentExtensions(): IncidentExtensions {
  return use(ExtensionsContext);
}
