import { useKader } from './kader-context.tsx';

export function SourceList({ ids }: { ids: readonly string[] }) {
  const { source } = useKader();
  return (
    <ul className="source-list">
      {ids.map((id) => {
        const s = source.get(id);
        if (!s) return null;
        return (
          <li key={id}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.title}
              </a>
            ) : (
              s.title
            )}
          </li>
        );
      })}
    </ul>
  );
}
