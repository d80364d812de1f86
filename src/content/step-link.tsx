import { Link } from 'react-router';
import { KIND_LABEL, TARGET_LABEL } from '../model/labels.ts';
import type { KaderStep } from './schema.ts';

export function StepLink({ step }: { step: KaderStep }) {
  return (
    <li className="card-list__item">
      <Link className="card-link" to={`/stap/${step.id}`}>
        <span className="card-link__title">{step.title}</span>
        <span className="card-link__meta">
          {KIND_LABEL[step.kind]} · {step.targets.map((t) => TARGET_LABEL[t]).join(', ')}
          {step.unverified ? ' · niet geverifieerd' : ''}
        </span>
      </Link>
    </li>
  );
}
