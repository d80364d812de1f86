import './content.css';
import type { ReviewStatus } from './schema.ts';
import { formatLongDate, isStale, localIsoDate } from './trust.ts';

const REVIEW_LABEL: Record<ReviewStatus, string> = {
  concept: 'Concept, nog niet getoetst',
  'inhoudelijk getoetst': 'Inhoudelijk getoetst',
  'juridisch getoetst': 'Juridisch getoetst',
};

/**
 * When the text was last checked and how thoroughly. Computed against the device's date at
 * render, so a framework that sits unchanged on a phone still warns once it is a year old.
 */
export function TrustNote({ checkedOn, review }: { checkedOn: string; review: ReviewStatus }) {
  const stale = isStale(checkedOn, localIsoDate(new Date()));
  return (
    <>
      <p className="trust">
        <span className={`trust__status trust__status--${review.replace(' ', '-')}`}>{REVIEW_LABEL[review]}</span>
        <span> · gecontroleerd op {formatLongDate(checkedOn)}</span>
      </p>
      {stale && (
        <p className="alert alert--warning trust__stale">
          <strong>Niet gecontroleerd sinds {formatLongDate(checkedOn)}.</strong> Controleer de wet en de rechtspraak
          voordat u hierop vertrouwt.
        </p>
      )}
    </>
  );
}
