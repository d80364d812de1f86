import { useParams, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { NotFoundContent } from '../../content/phase-page.tsx';
import { PHASE_IDS, type PhaseId } from '../../model/vocabulary.ts';
import { EditorPage, NoMunicipalityYet, RemoveButton, useBack } from './editor-page-parts.tsx';
import { ReadOnlyNote, useCanEditLocal } from './local-editor-context.tsx';
import { StepForm } from './step-form.tsx';
import { useLocalEdit } from './use-local-edit.ts';
import './local.css';

export function StepEditPage() {
  const { stepId = 'nieuw' } = useParams();
  const [params] = useSearchParams();
  const { local, step } = useKader();
  const canEdit = useCanEditLocal();
  const edit = useLocalEdit();
  const back = useBack();
  const isNew = stepId === 'nieuw';
  const existing = isNew ? undefined : local?.localSteps.get(stepId);
  if (!isNew && !existing) return <NotFoundContent what="Deze lokale stap" />;
  const after = params.get('na') ?? undefined;
  const phase = PHASE_IDS.find((p) => p === params.get('fase')) ?? (after ? step.get(after)?.phase : undefined);
  return (
    <EditorPage title={isNew ? 'Lokale stap toevoegen' : `Lokale stap: ${existing?.title}`}>
      {!local ? (
        <NoMunicipalityYet />
      ) : !canEdit ? (
        <ReadOnlyNote />
      ) : (
        <>
          <StepForm
            {...(existing ? { initial: existing } : {})}
            {...(phase ? { phase: phase as PhaseId } : {})}
            {...(after ? { after } : {})}
            onSave={async (draft) => {
              await edit({ type: 'step.save', step: existing ? { ...draft, id: existing.id } : draft });
              back();
            }}
            onCancel={back}
          />
          {existing && (
            <RemoveButton
              label="Stap verwijderen"
              confirm={`‘${existing.title}’ verwijderen? In incidenten blijft wat er met de stap gedaan is in het logboek staan.`}
              onRemove={async () => {
                await edit({ type: 'step.remove', id: existing.id });
                back();
              }}
            />
          )}
        </>
      )}
    </EditorPage>
  );
}
