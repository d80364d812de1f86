import { type AppDatabase, getAppDatabase } from '../../db/database.ts';
import { getActorName } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import type { LocalChange, LocalLayer } from '../../model/local-layer.ts';
import { type LocalImportPlan, type OwnImportChoice, planLocalImport } from '../domain/import-plan.ts';
import { localFileName, serialiseLocalFile, toLocalFile } from '../domain/local-file.ts';
import { LocalLayerError, refuse } from '../domain/local-layer-error.ts';
import { NO_MUNICIPALITY } from '../domain/municipality.ts';
import type { SharedLayerReport } from '../domain/share.ts';
import { requireText } from '../domain/validate-input.ts';
import { LOCAL_LIMITS } from '../format/rules.ts';
import type { LocalFile } from '../format/types.ts';
import { readSourceSnapshot } from './local-file-io.ts';
import { readLocalLayer, writeLayer } from './local-store.ts';

/** Export and import of the layer as a `handelingskader-lokaal` file (docs/local-format.md). */

export interface LocalExport {
  file: LocalFile;
  /** Compact JSON, ready for a download. */
  text: string;
  fileName: string;
  /** For the shared export: what was left out. */
  report?: SharedLayerReport;
}

export async function exportLocalLayer(options: {
  /** "voor andere gemeenten": internal contacts and personal data left out. */
  shared: boolean;
  /** The national framework version (kader.version) the layer's notes were written against. */
  contentVersion: string;
  db?: AppDatabase;
  now?: Date;
}): Promise<LocalExport> {
  const layer = await readLocalLayer(options.db);
  if (!layer) throw refuse(NO_MUNICIPALITY);
  const { file, report } = toLocalFile(layer, {
    contentVersion: options.contentVersion,
    now: options.now ?? new Date(),
    shared: options.shared,
  });
  return { file, text: serialiseLocalFile(file), fileName: localFileName(file), ...(report ? { report } : {}) };
}

/** What importing the file would change, without writing (the preview). */
export async function previewLocalImport(
  file: LocalFile,
  options: { db?: AppDatabase; now?: Date; choice?: OwnImportChoice } = {},
): Promise<LocalImportPlan> {
  const db = options.db ?? getAppDatabase();
  try {
    const [current, previousSource] = await Promise.all([
      readLocalLayer(db),
      readSourceSnapshot(file.layer.municipalityCode, db),
    ]);
    return planLocalImport(current, file, {
      now: (options.now ?? new Date()).toISOString(),
      ...(previousSource ? { previousSource } : {}),
      ...(options.choice ? { choice: options.choice } : {}),
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

const STALE =
  'De lokale laag is intussen gewijzigd (bijvoorbeeld op een ander tabblad). Er is niets ingelezen; bekijk het voorbeeld opnieuw.';

const MODE_TEXT = { eigen: 'ingelezen', kopie: 'ingelezen als kopie', bijwerken: 'bijgewerkt' } as const;

/**
 * Applies a previewed import in one transaction: the layer, one history row (who, when, what)
 * and, for another municipality's file, the source as imported (to show its later changes).
 * Refuses (LocalLayerError, nothing written) when the layer changed since the preview.
 */
export async function applyLocalImport(
  plan: LocalImportPlan,
  file: LocalFile,
  context: { actor?: string; db?: AppDatabase; now?: Date } = {},
): Promise<LocalLayer> {
  const db = context.db ?? getAppDatabase();
  const at = (context.now ?? new Date()).toISOString();
  try {
    return await db.transaction('rw', [db.localLayer, db.localChanges, db.settings], async () => {
      const current = await readLocalLayer(db);
      if (current?.revision !== plan.baseRevision) throw refuse(STALE);
      const sourceRow = `bron-${plan.source.municipalityCode}`;
      const previousSource =
        plan.mode === 'eigen' ? undefined : await readSourceSnapshot(plan.source.municipalityCode, db);
      const actor = requireText(
        context.actor ?? (await getActorName(db)),
        'uw naam (onder Instellingen)',
        LOCAL_LIMITS.name,
      );
      const revision = Math.max(current?.revision ?? 0, plan.result.revision) + 1;
      const layer = { ...plan.result, revision };
      const count = (kind: keyof Pick<LocalImportPlan, 'contacts' | 'steps' | 'annotations' | 'notApplicable'>) =>
        plan[kind].added.length + plan[kind].changed.length + plan[kind].removed.length;
      const { source } = plan;
      const change: LocalChange = {
        revision,
        at,
        actor,
        kind: 'import',
        action: 'geïmporteerd',
        targetId: source.municipalityCode,
        summary: `Lokale laag van ${source.municipality} (${source.municipalityCode}, revisie ${source.revision}) ${MODE_TEXT[plan.mode]}`,
        // The whole layer as it was (and the source as last imported), so the import can be undone.
        before: { layer: current ?? null, source: previousSource ?? null } satisfies ImportUndo,
        after: {
          ...(plan.choice ? { choice: plan.choice } : {}),
          mode: plan.mode,
          source,
          contacts: count('contacts'),
          steps: count('steps'),
          annotations: count('annotations'),
          notApplicable: count('notApplicable'),
        },
      };
      await writeLayer(db, layer, [change]);
      if (plan.mode !== 'eigen') await db.localLayer.put({ id: sourceRow, ...(file.layer as LocalLayer) });
      return layer;
    });
  } catch (error) {
    if (error instanceof LocalLayerError) throw error;
    throw toStorageError(error);
  }
}

/** What an import's history row keeps of the state before it. */
interface ImportUndo {
  layer: LocalLayer | null;
  source: LocalLayer | null;
}

const NOT_UNDOABLE =
  'Deze import kan niet meer ongedaan worden gemaakt: de lokale laag is daarna nog gewijzigd. Er is niets veranderd.';

/**
 * Puts the layer back as it was before the import that produced `revision`, as a new revision
 * (the history keeps both). Only while that import is still the last change: undoing it later
 * would silently drop the edits made since.
 */
export async function undoLocalImport(
  revision: number,
  context: { actor?: string; db?: AppDatabase; now?: Date } = {},
): Promise<LocalLayer> {
  const db = context.db ?? getAppDatabase();
  const at = (context.now ?? new Date()).toISOString();
  try {
    return await db.transaction('rw', [db.localLayer, db.localChanges, db.settings], async () => {
      const [current, change] = await Promise.all([readLocalLayer(db), db.localChanges.get(revision)]);
      const undo = change?.kind === 'import' ? (change.before as ImportUndo | undefined) : undefined;
      if (!current || current.revision !== revision || !undo) throw refuse(NOT_UNDOABLE);
      const actor = requireText(
        context.actor ?? (await getActorName(db)),
        'uw naam (onder Instellingen)',
        LOCAL_LIMITS.name,
      );
      const restored: LocalLayer = {
        ...(undo.layer ?? { ...current, contacts: [], steps: [], annotations: [], notApplicable: [], origins: [] }),
        revision: revision + 1,
      };
      const sourceRow = `bron-${change!.targetId}`;
      const copied = (change!.after as { mode?: string } | undefined)?.mode !== 'eigen';
      if (copied && undo.source) await db.localLayer.put({ id: sourceRow, ...undo.source });
      else if (copied) await db.localLayer.delete(sourceRow);
      await writeLayer(db, restored, [
        {
          revision: revision + 1,
          at,
          actor,
          kind: 'import',
          action: 'geïmporteerd',
          targetId: change!.targetId,
          summary: `Import van revisie ${revision} ongedaan gemaakt: de laag is weer zoals vóór die import`,
          after: { undone: revision },
        },
      ]);
      return restored;
    });
  } catch (error) {
    if (error instanceof LocalLayerError) throw error;
    throw toStorageError(error);
  }
}
