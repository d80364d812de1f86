import { createContext, type ReactNode, use, useMemo } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { ensurePersistentStorage } from '../../db/storage-persistence.ts';
import { clearDraftsOf } from '../../ui/use-draft.ts';
import { createIncidentCommands, type IncidentCommands } from '../store/commands.ts';

const CommandsContext = createContext<IncidentCommands | null>(null);

/** After the first successful write, ask the browser not to evict the data. */
function withPersistenceRequest(commands: IncidentCommands): IncidentCommands {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(commands)) {
    wrapped[name] = async (...args: unknown[]) => {
      const result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      if (name === 'deleteIncident') clearDraftsOf(String(args[0]));
      void ensurePersistentStorage();
      return result;
    };
  }
  return wrapped as IncidentCommands;
}

export function IncidentCommandsProvider({ children }: { children: ReactNode }) {
  const { kader } = useKader();
  const commands = useMemo(() => withPersistenceRequest(createIncidentCommands({ kader: () => kader })), [kader]);
  return <CommandsContext value={commands}>{children}</CommandsContext>;
}

export function useIncidentCommands(): IncidentCommands {
  const commands = use(CommandsContext);
  if (!commands) throw new Error('useIncidentCommands outside IncidentCommandsProvider');
  return commands;
}
