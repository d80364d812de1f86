import { Link } from 'react-router';
import { KIND_LABEL, TARGET_LABEL } from '../model/labels.ts';
import { useKader } from './kader-context.tsx';
import type { KaderStep } from './schema.ts';

export function StepLink({ step }: { step: KaderStep }) {
  const { local } = useKader();
  const isLocal = local?.localStepIds.has(step.id) ?? false;
  const notApplicable = local?.notApplicable.has(step.id) ?? false;
  const annotated = !isLocal && (local?.annotations.has(step.id) ?? false);
  return (
    <li className={`card-list__item${notApplicable ? ' card-list__item--nvt' : ''}`}>
      <Link className={`card-link${isLocal ? ' card-link--local' : ''}`} to={`/stap/${step.id}`}>
        <span className="card-link__title">
          {isLocal && <span className="local-badge">Lokaal</span>}
          {step.title}
        </span>
        <span className="card-link__meta">
          {KIND_LABEL[step.kind]} · {step.targets.map((t) => TARGET_LABEL[t]).join(', ')}
          {step.unverified ? ' · niet geverifieerd' : ''}
          {annotated ? ' · met lokale aanvulling' : ''}
          {notApplicable && local ? ` · niet van toepassing in ${local.municipality}` : ''}
        </span>
      </Link>
    </li>
  );
}
