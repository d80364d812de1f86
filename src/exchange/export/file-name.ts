/** A file-name part from Dutch text: "’s-Hertogenbosch" → "s-hertogenbosch", no accents, at most 40 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
