import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { LocalNote } from '../../content/local-notes.tsx';
import { AsyncButton } from '../../ui/async-button.tsx';
import { EditorPage, NoMunicipalityYet, RemoveButton, useBack } from './editor-page-parts.tsx';
import { ReadOnlyNote, useCanEditLocal } from './local-editor-context.tsx';
import { AnnotationForm, NotApplicableForm } from './note-forms.tsx';
import { useLocalEdit } from './use-local-edit.ts';
import './local.css';

/** Everything local about one national step or instrument: the note, and for a step the not-applicable mark. */
export function AnnotationPage() {
  const { targetId = '' } = useParams();
  const index = useKader();
  const { local } = index;
  const canEdit = useCanEditLocal();
  const edit = useLocalEdit();
  const back = useBack();
  const [error, setError] = useState<string>();
  const [markStatus, setMarkStatus] = useState<string>();
  const step = index.step.get(targetId);
  const instrument = index.instrument.get(targetId);
  const view = local?.annotations.get(targetId);
  const mark = local?.notApplicable.get(targetId);
  const name = step?.title ?? instrument?.name ?? targetId;
  const isNationalStep = Boolean(step) && !local?.localStepIds.has(targetId);
  const href = step ? `/stap/${targetId}` : instrument ? `/instrument/${targetId}` : undefined;
  return (
    <EditorPage title={`Lokaal bij: ${name}`}>
      {href ? (
        <p>
          <Link to={href}>Landelijke tekst bekijken</Link>
        </p>
      ) : (
        <p className="alert alert--warning">Deze stap of dit instrument staat niet meer in het landelijke kader.</p>
      )}
      {!local ? (
        <NoMunicipalityYet />
      ) : (
        <>
          {view && <LocalNote view={view} municipality={local.municipality} />}
          {!canEdit ? (
            <ReadOnlyNote />
          ) : (
            <>
              <h2>{view ? 'Aanvulling wijzigen' : 'Lokale aanvulling toevoegen'}</h2>
              {view?.state === 'gewijzigd' && (
                <p className="hint">
                  Opslaan, ook zonder wijziging, legt vast dat de aanvulling bij de nieuwe tekst past.
                </p>
              )}
              <AnnotationForm
                key={view?.annotation.note ?? ''}
                targetId={targetId}
                {...(view ? { initial: view.annotation } : {})}
                onSave={async (note, contacts) => {
                  await edit({ type: 'annotation.save', targetId, note, contacts });
                  back();
                }}
                onCancel={back}
              />
              {view && (
                <RemoveButton
                  label="Aanvulling verwijderen"
                  confirm="Deze aanvulling verwijderen? De landelijke tekst blijft staan."
                  onRemove={() => edit({ type: 'annotation.remove', targetId })}
                />
              )}
              {isNationalStep && (
                <section aria-labelledby="nvt-kop">
                  <h2 id="nvt-kop">Niet van toepassing in {local.municipality}</h2>
                  <p className="hint">
                    De landelijke tekst blijft zichtbaar, grijs, met uw reden erbij. In een incident kiest de adviseur
                    zelf of de stap vervalt.
                  </p>
                  <NotApplicableForm
                    key={mark ?? ''}
                    stepId={targetId}
                    municipality={local.municipality}
                    {...(mark !== undefined ? { initial: mark } : {})}
                    onSave={async (reason) => {
                      setMarkStatus(undefined);
                      await edit({ type: 'not-applicable.set', stepId: targetId, reason });
                      setMarkStatus(`Opgeslagen: niet van toepassing in ${local.municipality}.`);
                    }}
                    onCancel={back}
                  />
                  {mark !== undefined && (
                    <AsyncButton
                      className="button button--secondary"
                      onError={setError}
                      onClick={async () => {
                        setMarkStatus(undefined);
                        await edit({ type: 'not-applicable.clear', stepId: targetId });
                        setMarkStatus('Opgeslagen: de stap is weer van toepassing.');
                      }}
                    >
                      Weer van toepassing maken
                    </AsyncButton>
                  )}
                  {markStatus && (
                    <p className="alert alert--ok" role="status">
                      {markStatus}
                    </p>
                  )}
                  {error && (
                    <p className="alert alert--error" role="alert">
                      {error}
                    </p>
                  )}
                </section>
              )}
              {step && (
                <p>
                  <Link
                    className="button button--secondary"
                    to={`/lokaal/stap/nieuw?na=${encodeURIComponent(targetId)}`}
                  >
                    Lokale stap hierna toevoegen
                  </Link>
                </p>
              )}
            </>
          )}
        </>
      )}
    </EditorPage>
  );
}
