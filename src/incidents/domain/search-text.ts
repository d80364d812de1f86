/** Case- and diacritics-insensitive matching: "Café" finds "cafe", "ÉÉN" finds "een". */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the query must occur somewhere in the haystacks. */
export function matchesQuery(query: string, haystacks: readonly string[]): boolean {
  const words = normaliseForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normaliseForSearch(haystacks.join(' '));
  return words.every((word) => haystack.includes(word));
}
