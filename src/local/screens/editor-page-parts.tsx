import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AsyncButton } from '../../ui/async-button.tsx';
import { PageTitle } from '../../ui/page-title.tsx';

/** Back to where the adviser came from (a partner or step page), or to the Lokaal page. */
export function useBack(): () => void {
  const navigate = useNavigate();
  return () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate('/lokaal');
  };
}

export function EditorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article className="local-editor">
      <p className="breadcrumb">
        <Link to="/lokaal">Lokaal</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {children}
    </article>
  );
}

/** Removal asks once more, in words: a contact or step may be in use at a scene. */
export function RemoveButton({
  label,
  confirm,
  onRemove,
}: {
  label: string;
  confirm: string;
  onRemove(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="local-remove">
      {!asking ? (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <>
          <p role="alert">{confirm}</p>
          <p className="actions">
            <AsyncButton className="button button--danger" onError={setError} onClick={onRemove}>
              Ja, verwijderen
            </AsyncButton>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              Nee, bewaren
            </button>
          </p>
        </>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function NoMunicipalityYet() {
  return (
    <p className="alert alert--warning">
      Vul eerst de naam en de CBS-code van uw gemeente in. <Link to="/lokaal">Naar Lokaal</Link>
    </p>
  );
}
