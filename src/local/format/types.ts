/**
 * What the app's code needs of the file format without loading zod: the constants, and the
 * type of a file (inferred from the one description in schema.ts, imported as a type only).
 */
export type { LocalFile } from './schema.ts';

export const LOCAL_FORMAT = 'handelingskader-lokaal';
export const LOCAL_VERSION = 1;
/** A layer of 2,000 contacts with long notes stays far below this. */
export const MAX_LOCAL_FILE_BYTES = 5 * 1024 * 1024;
