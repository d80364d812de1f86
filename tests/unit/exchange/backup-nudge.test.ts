import { describe, expect, it } from 'vitest';
import { backupNudge, createBackup, shouldNudgeBackup } from '../../../src/exchange/export/backup.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';

const now = new Date('2026-03-20T12:00:00.000Z');

describe('the backup nudge', () => {
  it('nudges when the last backup is over a week old and something changed since', () => {
    expect(
      shouldNudgeBackup(now, { lastBackupAt: '2026-03-10T12:00:00.000Z', lastChangeAt: '2026-03-11T00:00:00.000Z' })
        .nudge,
    ).toBe(true);
  });
  it('does not nudge when nothing changed since the last backup, however old', () => {
    expect(
      shouldNudgeBackup(now, { lastBackupAt: '2026-01-01T00:00:00.000Z', lastChangeAt: '2025-12-31T00:00:00.000Z' })
        .nudge,
    ).toBe(false);
  });
  it('does not nudge within a week of the last backup', () => {
    expect(
      shouldNudgeBackup(now, { lastBackupAt: '2026-03-15T12:00:00.000Z', lastChangeAt: '2026-03-19T00:00:00.000Z' })
        .nudge,
    ).toBe(false);
  });
  it('without any backup, nudges a week after the first change, and never on an empty device', () => {
    expect(shouldNudgeBackup(now, {}).nudge).toBe(false);
    expect(
      shouldNudgeBackup(now, { firstChangeAt: '2026-03-18T00:00:00.000Z', lastChangeAt: '2026-03-19T00:00:00.000Z' })
        .nudge,
    ).toBe(false);
    expect(
      shouldNudgeBackup(now, { firstChangeAt: '2026-03-01T00:00:00.000Z', lastChangeAt: '2026-03-19T00:00:00.000Z' })
        .nudge,
    ).toBe(true);
  });
  it('reads the dates from the database, and a backup stops the nudge', async () => {
    const db = freshDatabase();
    await commandsFor(db).createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    expect(await backupNudge(db, now)).toMatchObject({ nudge: true, lastChangeAt: '2026-03-01T22:00:00.000Z' });
    await createBackup(db, { now });
    expect(await backupNudge(db, new Date('2026-04-20T00:00:00.000Z'))).toMatchObject({
      nudge: false,
      lastBackupAt: now.toISOString(),
    });
  });
});
