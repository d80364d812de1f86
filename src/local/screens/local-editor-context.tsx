import { createContext, type ReactNode, use } from 'react';

/**
 * Who may change the layer, decided by app/ (which knows the team role): where a team exists only
 * the coordinator, otherwise anyone. local/ does not import sync.
 */
const CanEditContext = createContext<boolean>(true);

export function LocalEditRights({ canEdit, children }: { canEdit: boolean; children: ReactNode }) {
  return <CanEditContext value={canEdit}>{children}</CanEditContext>;
}

export function useCanEditLocal(): boolean {
  return use(CanEditContext);
}

export function ReadOnlyNote() {
  return (
    <p className="alert alert--warning">
      Uw team werkt met een coördinator: alleen die kan de lokale laag wijzigen. U ziet hier wat is vastgelegd.
    </p>
  );
}
