/** Dutch messages of the sync client for refusals retrying cannot fix. */

export const REFUSED_MESSAGES: Record<string, string> = {
  'unknown-token': 'Dit apparaat is niet (meer) bekend bij het team. Koppel het opnieuw met een nieuwe uitnodiging.',
};

/** A refused merge stops the feed here (the cursor stays): say which incident, and what the adviser can do. */
export function refusedMergeMessage(title: string | undefined): string {
  const which = title ? `het incident "${title}"` : 'een incident';
  return `Wijzigingen van het team voor ${which} passen niet bij wat op dit apparaat staat. Er is niets gewijzigd; verdere wijzigingen van het team wachten tot dit is opgelost. Staat hier een eigen kopie van dit incident (bijvoorbeeld uit een bestand)? Exporteer die zo nodig, verwijder haar en tik op "Opnieuw proberen": dan komt de versie van het team binnen. Helpt dat niet, kies dan "Bijwerken" zodra de app een nieuwe versie aanbiedt en meld het aan de coördinator van het team.`;
}

/** What a revoked device says it removed; the counts are written down with the revocation (SyncMembership.revokedRemoved). */
export function revokedMessage(removed: { incidents: number; localLayer: boolean } | undefined): string {
  const count = removed ? ` (${removed.incidents})` : '';
  const layer = removed?.localLayer ? ' De lokale laag van het team is ook verwijderd.' : '';
  return `De gedeelde incidenten van het team${count} zijn van dit apparaat verwijderd; ze staan nog op de server. Uw eigen, niet gedeelde incidenten staan er nog.${layer}`;
}
