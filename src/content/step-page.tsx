import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { KIND_LABEL, TARGET_LABEL, TIME_WINDOW_LABEL } from '../model/labels.ts';
import { PageTitle } from '../ui/page-title.tsx';
import { UnverifiedNote } from '../ui/unverified-note.tsx';
import { ConsiderationList } from './consideration-list.tsx';
import { useKader } from './kader-context.tsx';
import { LocalContactList } from './local-contacts.tsx';
import { LocalNote, LocalStepNote, NotApplicableNote } from './local-notes.tsx';
import { NotFoundContent } from './phase-page.tsx';
import { SourceList } from './source-list.tsx';
import { withTerms } from './term-text.tsx';
import { TrustNote } from './trust-note.tsx';

/** `localActions`: what app/ offers for the local layer here (e.g. "Lokale aanvulling toevoegen"), given the step id. */
export function StepPage({ localActions }: { localActions?: (stepId: string) => ReactNode }) {
  const { stepId } = useParams();
  const index = useKader();
  const step = index.step.get(stepId ?? '');
  if (!step) return <NotFoundContent what="Deze stap" />;
  const phase = index.phase.get(step.phase);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/">Kader</Link> › <Link to={`/fase/${step.phase}`}>{phase?.title}</Link>
      </p>
      <PageTitle title={step.title}>{step.title}</PageTitle>
      <StepDetails stepId={step.id} />
      {localActions?.(step.id)}
    </article>
  );
}

/** Everything a step holds; also shown inside an incident's checklist. */
export function StepDetails({ stepId }: { stepId: string }) {
  const index = useKader();
  const step = index.step.get(stepId);
  if (!step) return null;
  const { local } = index;
  const isLocal = local?.localStepIds.has(step.id) ?? false;
  const notApplicable = local?.notApplicable.get(step.id);
  const annotation = local?.annotations.get(step.id);
  const localStep = local?.localSteps.get(step.id);
  const stepContacts = localStep?.contacts.flatMap((id) => local?.contacts.get(id) ?? []) ?? [];
  return (
    <div className={`step-details${notApplicable === undefined ? '' : ' step-details--nvt'}`}>
      {local && notApplicable !== undefined && (
        <NotApplicableNote municipality={local.municipality} reason={notApplicable} />
      )}
      <ul className="tags" aria-label="Kenmerken">
        <li className="tag">{KIND_LABEL[step.kind]}</li>
        {step.timeWindow && <li className="tag">{TIME_WINDOW_LABEL[step.timeWindow]}</li>}
        {step.targets.map((t) => (
          <li key={t} className="tag tag--target">
            {TARGET_LABEL[t]}
          </li>
        ))}
      </ul>
      {local && isLocal ? (
        <LocalStepNote municipality={local.municipality} displaced={local.displaced.has(step.id)} />
      ) : (
        <TrustNote checkedOn={step.checkedOn} review={step.review} />
      )}
      <UnverifiedNote text={step.unverified} />
      {local && annotation && <LocalNote view={annotation} municipality={local.municipality} />}
      {/* Each section links a glossary term once: a fresh set per section. */}
      <h2>Wat</h2>
      <p>{withTerms(step.what, index.terms, new Set())}</p>
      <h2>Waarom</h2>
      <p>{withTerms(step.why, index.terms, new Set())}</p>
      <h2>Wie</h2>
      <p>{step.actor}</p>
      {local && stepContacts.length > 0 && (
        <LocalContactList contacts={stepContacts} label={`Contacten bij deze stap in ${local.municipality}`} />
      )}
      {step.timing && (
        <>
          <h2>Wanneer</h2>
          <p>{withTerms(step.timing, index.terms, new Set())}</p>
        </>
      )}
      {step.instruments.length > 0 && (
        <>
          <h2>Juridische grondslag</h2>
          <ul className="card-list">
            {step.instruments.map((id) => {
              const ins = index.instrument.get(id);
              return ins ? (
                <li key={id} className="card-list__item">
                  <Link className="card-link" to={`/instrument/${id}`}>
                    <span className="card-link__title">{ins.name}</span>
                    <span className="card-link__meta">{ins.article}</span>
                  </Link>
                </li>
              ) : null;
            })}
          </ul>
        </>
      )}
      {step.considerations.length > 0 && (
        <>
          <h2>Afwegingen</h2>
          <ConsiderationList ids={step.considerations} />
        </>
      )}
      {step.partners.length > 0 && (
        <>
          <h2>Partners</h2>
          <ul className="partner-list">
            {step.partners.map((id) => {
              const p = index.partner.get(id);
              const contacts = local?.contactsByPartner.get(id) ?? [];
              return p ? (
                <li key={id}>
                  <Link to={`/partners#${id}`}>{p.name}</Link>: {p.role}
                  {local && (
                    <LocalContactList contacts={contacts} label={`Contacten van ${p.name} in ${local.municipality}`} />
                  )}
                </li>
              ) : null;
            })}
          </ul>
        </>
      )}
      {step.mergeNote && <p className="quiet">Samengevoegd: {step.mergeNote}</p>}
      <h2>Bronnen</h2>
      <SourceList ids={step.sources} />
    </div>
  );
}
