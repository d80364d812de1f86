import { useKader } from './kader-context.tsx';

export function ConsiderationList({ ids }: { ids: readonly string[] }) {
  const { consideration } = useKader();
  return (
    <ul className="consideration-list">
      {ids.map((id) => {
        const c = consideration.get(id);
        if (!c) return null;
        return (
          <li key={id} className="consideration">
            <h3 className="consideration__title">{c.title}</h3>
            <dl className="consideration__sides">
              <dt>Pleit ervoor</dt>
              <dd>{c.for}</dd>
              <dt>Pleit ertegen</dt>
              <dd>{c.against}</dd>
            </dl>
            {c.unverified && <p className="quiet">Let op: niet geverifieerd. {c.unverified}</p>}
          </li>
        );
      })}
    </ul>
  );
}
