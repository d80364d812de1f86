/** Shown when a coordinator's phone has unsent edits of the local layer and the team's layer moved on. */
export const LOCAL_CONFLICT =
  'De lokale laag van het team is op een ander apparaat gewijzigd, terwijl uw eigen wijzigingen nog niet verstuurd waren. Er is niets overschreven. Neemt u de versie van het team over, dan blijft uw eigen versie in de geschiedenis van de lokale laag staan (Lokaal, Geschiedenis); voer uw wijzigingen daarna zo nodig opnieuw in.';
