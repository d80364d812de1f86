/**
 * Upper bounds on what one field may hold. Commands enforce them when writing and the
 * import validator when reading, so everything the app stores can also be exported and
 * imported again.
 */
export const LIMITS = {
  id: 100,
  name: 200,
  shortText: 1_000,
  freeText: 50_000,
  list: 1_000,
} as const;
