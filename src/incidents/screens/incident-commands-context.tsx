import { createContext, type ReactNode, use, useMemo } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { createIncidentCommands, type IncidentCommands } from '../store/commands.ts';

const CommandsContext = createContext<IncidentCommands | null>(null);

export function IncidentCommandsProvider({ children }: { children: ReactNode }) {
  const { kader } = useKader();
  const commands = useMemo(() => createIncidentCommands({ kader: () => kader }), [kader]);
  return <CommandsContext value={commands}>{children}</CommandsContext>;
}

export function useIncidentCommands(): IncidentCommands {
  const commands = use(CommandsContext);
  if (!commands) throw new Error('useIncidentCommands outside IncidentCommandsProvider');
  return commands;
}
