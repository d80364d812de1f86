import type { LocalLayer } from '../../model/local-layer.ts';
import { LOCAL_FORMAT, LOCAL_VERSION, type LocalFile } from '../format/types.ts';
import { type SharedLayerReport, shareableLayer } from './share.ts';

/** The layer as a `handelingskader-lokaal` file (docs/local-format.md): plain, or "voor andere gemeenten". */
export function toLocalFile(
  layer: LocalLayer,
  options: { contentVersion: string; now: Date; shared: boolean },
): { file: LocalFile; report?: SharedLayerReport } {
  const shared = options.shared ? shareableLayer(layer) : undefined;
  const file: LocalFile = {
    format: LOCAL_FORMAT,
    version: LOCAL_VERSION,
    exportedAt: options.now.toISOString(),
    contentVersion: options.contentVersion,
    shared: options.shared,
    layer: shared?.layer ?? layer,
  };
  return shared ? { file, report: shared.report } : { file };
}

/** Compact JSON, as the exchange files are. */
export function serialiseLocalFile(file: LocalFile): string {
  return JSON.stringify(file);
}

/** `lokale-laag-gm0363-r12.json`, or `…-gedeeld.json` for other municipalities. */
export function localFileName(file: LocalFile): string {
  const { municipalityCode, revision } = file.layer;
  return `lokale-laag-${municipalityCode}-r${revision}${file.shared ? '-gedeeld' : ''}.json`;
}
