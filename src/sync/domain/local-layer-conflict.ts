/** Shown when a coordinator's phone has unsent edits of the local layer and the team's layer moved on. */
export const LOCAL_CONFLICT =
  'De lokale laag van het team is op een ander apparaat gewijzigd, terwijl uw eigen wijzigingen nog niet verstuurd waren. Er is niets overschreven. Neemt u de versie van het team over, dan blijft uw eigen versie in de geschiedenis van de lokale laag staan (Lokaal, Geschiedenis); voer uw wijzigingen daarna zo nodig opnieuw in.';

/**
 * Shown to a coordinator's phone with unsent edits when the server was restored from a backup
 * (it lost the layer this phone agreed on) and another device uploaded a layer after the
 * restore: neither is a newer version of the other. Without unsent edits the phone simply takes
 * the team's layer (store/local-layer-sync.ts).
 */
export const LOCAL_RESTORED_CONFLICT =
  'De server van het team is teruggezet naar een eerdere stand (een back-up) en de lokale laag is daarna op een ander apparaat gewijzigd, terwijl uw eigen wijzigingen nog niet verstuurd waren. Er is niets overschreven. Neemt u de versie van het team over, dan blijft uw eigen versie in de geschiedenis van de lokale laag staan (Lokaal, Geschiedenis); voer uw wijzigingen daarna zo nodig opnieuw in.';

/** The problems "Versie van het team overnemen" resolves. */
export const offersTeamVersion = (problem: string | undefined): boolean =>
  problem === LOCAL_CONFLICT || problem === LOCAL_RESTORED_CONFLICT;
