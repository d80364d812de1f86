/**
 * Entries of other devices in a shared incident (from an imported file) stay on this
 * device: the server takes from each device only the events it wrote itself
 * (docs/sync-protocol.md, "Events of other devices"). These say so, in Dutch.
 */

export interface ImportedIncidentCounts {
  incidentId: string;
  title: string;
  addedByDevice: Readonly<Record<string, number>>;
}

/** Per shared incident of the import, how many added entries another device wrote. */
export function foreignInShared(
  incidents: readonly ImportedIncidentCounts[],
  shared: ReadonlySet<string>,
  deviceId: string,
): { title: string; count: number }[] {
  return incidents
    .filter((incident) => shared.has(incident.incidentId))
    .map((incident) => ({
      title: incident.title,
      count: Object.entries(incident.addedByDevice)
        .filter(([device]) => device !== deviceId)
        .reduce((sum, [, n]) => sum + n, 0),
    }))
    .filter((item) => item.count > 0);
}

const entries = (n: number) => (n === 1 ? '1 vastlegging' : `${n} vastleggingen`);

const WHY =
  'De server van het team neemt van elk apparaat alleen de eigen wijzigingen aan. Is dat andere apparaat aan het team gekoppeld, dan verstuurt het ze zelf; anders blijven ze alleen hier en in het bestand.';

export function importStaysLocalText(items: readonly { title: string; count: number }[]): string | undefined {
  if (items.length === 0) return undefined;
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const where =
    items.length === 1 ? `het gedeelde incident "${items[0]!.title}"` : `${items.length} gedeelde incidenten`;
  return `Let op: ${entries(total)} van een ander apparaat in ${where} ${total === 1 ? 'blijft' : 'blijven'} alleen op dit apparaat; uw team ziet ${total === 1 ? 'die' : 'ze'} niet. ${WHY}`;
}

/** Under the shared incident's header, as long as such entries are there. */
export function staysLocalText(count: number): string | undefined {
  if (count === 0) return undefined;
  return `${entries(count)} van een ander apparaat (uit een bestand) ${count === 1 ? 'staat' : 'staan'} alleen op dit apparaat; uw team ziet ${count === 1 ? 'die' : 'ze'} niet. ${WHY}`;
}
