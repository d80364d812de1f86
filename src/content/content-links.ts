import type { LawLink } from './schema.ts';

/**
 * Links to the official sources. They are derived, not typed in by editors, so every law link
 * points at wetten.overheid.nl and every ruling at rechtspraak.nl. The app only links to them
 * (opened in a new tab); it never fetches them.
 */

/** The article as it read on `validOn` ("geldend op"), via the Juriconnect reference wetten.overheid.nl resolves. */
export function lawLinkUrl(link: LawLink): string {
  const article = link.article ? `&artikel=${encodeURIComponent(link.article)}` : '';
  return `https://wetten.overheid.nl/jci1.3:c:${link.bwb}${article}&z=${link.validOn}&g=${link.validOn}`;
}

export function ecliUrl(ecli: string): string {
  return `https://uitspraken.rechtspraak.nl/details?id=${encodeURIComponent(ecli)}`;
}
