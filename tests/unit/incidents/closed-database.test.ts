import { describe, expect, it } from 'vitest';
import { CLOSED_MESSAGE } from '../../../src/db/storage-error.ts';
import { commandsFor, freshDatabase, homeAt } from './helpers.ts';

describe('a database closed by an update in another tab', () => {
  it('makes a tap say to reload, not to try again', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    // What Dexie does on a versionchange from another tab.
    db.close({ disableAutoOpen: true });
    const later = commandsFor(db);
    await expect(later.addLogEntry(incidentId, 'na de update')).rejects.toMatchObject({
      failure: 'closed',
      userMessage: CLOSED_MESSAGE,
    });
  });
});
