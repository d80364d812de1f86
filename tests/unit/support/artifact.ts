import type { ExportArtifact } from '../../../src/exchange/export/export-artifact.ts';
import { gunzipText } from '../../../src/exchange/format/gzip.ts';

/** The JSON inside an artifact, unpacked when it is compressed. */
export async function artifactText(artifact: ExportArtifact): Promise<string> {
  if (typeof artifact.body === 'string') return artifact.body;
  const unpacked = await gunzipText(artifact.body, Number.POSITIVE_INFINITY);
  if (!unpacked.ok) throw new Error(unpacked.detail);
  return unpacked.text;
}
