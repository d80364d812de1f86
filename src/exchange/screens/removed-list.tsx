import { formatNumber } from '../../ui/format-number.ts';
import { REMOVED_LABEL } from '../export/anonymise.ts';
import type { RemovedCount } from '../format/types.ts';

/** After an anonymised export: what the file says it left out (counts only, never the values). */
export function RemovedList({ removed }: { removed: readonly RemovedCount[] }) {
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="verwijderd-kop" className="removed-list">
      <h3 id="verwijderd-kop">Verwijderd uit het bestand</h3>
      <ul>
        {removed.map((item) => (
          <li key={item.what}>
            {REMOVED_LABEL[item.what] ?? item.what}: {formatNumber(item.count)}
          </li>
        ))}
      </ul>
    </section>
  );
}
