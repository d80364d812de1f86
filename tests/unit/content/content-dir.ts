/** The content under test; KADER_CONTENT_DIR lets the build and tests run on another tree. */
export const CONTENT_DIR = process.env.KADER_CONTENT_DIR || 'content';
