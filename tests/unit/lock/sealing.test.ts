import { afterEach, describe, expect, it } from 'vitest';
import { dataKey, KEYED_ADDRESS_PREFIX } from '../../../src/db/data-key.ts';
import { readLog } from '../../../src/db/event-log.ts';
import { open, openBytes, seal, sealBytes } from '../../../src/db/sealed.ts';
import { getActorName, setActorName } from '../../../src/db/settings.ts';
import { LOCKED_MESSAGE, StorageError, TAMPERED_MESSAGE } from '../../../src/db/storage-error.ts';
import { exportIncidents } from '../../../src/exchange/export/export.ts';
import { listIncidents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { PASSPHRASE_ITERATIONS } from '../../../src/lock/key-wrap.ts';
import {
  attemptDelaySeconds,
  changePassphrase,
  loadLockStatus,
  lockNow,
  setUpLock,
  UNLOCK_FAILED_MESSAGE,
  unlock,
} from '../../../src/lock/lock-service.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from '../incidents/helpers.ts';
import { everythingStored, FAST, PASSPHRASE, rawPut, rawRows } from './lock-support.ts';

const PLANTED = {
  street: 'Zzqstraat',
  note: 'notitie-PLANT-7f3a',
  log: 'logregel-PLANT-91be',
  motivation: 'motivering-PLANT-c0d2',
  name: 'Adviseur-PLANT-5e11',
};

afterEach(() => dataKey.configure(false));

async function lockedDatabaseWithIncident() {
  const db = freshDatabase();
  await setUpLock(db, PASSPHRASE, FAST);
  await setActorName(PLANTED.name, db);
  const commands = commandsFor(db);
  const stepId = realKader().phases.find((p) => p.id === 'direct-na')!.steps[0]!.id;
  const details = homeAt('3512AB', '12');
  details.address!.street = PLANTED.street;
  const { incidentId } = await commands.createIncident(details, 'direct-na', '2026.1');
  await commands.setStepStatus(incidentId, stepId, 'gedaan');
  await commands.addStepNote(incidentId, stepId, PLANTED.note);
  await commands.addLogEntry(incidentId, PLANTED.log);
  const instrumentId = realKader().instruments[0]!.id;
  await commands.recordDecision(incidentId, {
    instrumentId,
    outcome: 'genomen',
    considerations: [],
    motivation: PLANTED.motivation,
    decidedAt: '2026-03-01T22:30:00.000Z',
  });
  return { db, commands, incidentId };
}

describe('sealing at rest', () => {
  it('stores nothing personal in the clear and reads everything back through the usual readers', async () => {
    const { db, incidentId } = await lockedDatabaseWithIncident();
    const stored = await everythingStored(db);
    for (const planted of Object.values(PLANTED)) expect(stored).not.toContain(planted);
    expect(stored).not.toContain('3512AB');
    // Plain where the queries need it.
    const [row] = await rawRows(db, 'incidents');
    expect(row).toMatchObject({ id: incidentId, status: 'open', municipality: 'Utrecht' });
    expect(row).not.toHaveProperty('title');
    expect(String(row!.addressKey)).toMatch(new RegExp(`^${KEYED_ADDRESS_PREFIX}[0-9a-f]{64}$`));

    const state = await readIncidentState(incidentId, db);
    expect(state?.details.address?.street).toBe(PLANTED.street);
    expect((await listIncidents({ query: 'zzqstraat' }, db)).map((r) => r.id)).toEqual([incidentId]);
    expect(await getActorName(db)).toBe(PLANTED.name);
    const file = JSON.stringify(await exportIncidents(db, { incidentIds: 'all', kader: realKader() }));
    for (const planted of Object.values(PLANTED)) expect(file).toContain(planted);
  });

  it('finds a repeat attack at the same address under the keyed index', async () => {
    const { commands, incidentId } = await lockedDatabaseWithIncident();
    const second = await commands.createIncident(homeAt('3512 ab', '12'), 'direct-na', '2026.1');
    expect(second.linkedIncidentIds).toEqual([incidentId]);
  });

  it('refuses reads and writes while locked, with a Dutch message, and opens again with the passphrase', async () => {
    const { db, commands, incidentId } = await lockedDatabaseWithIncident();
    lockNow();
    const before = await rawRows(db, 'logs');
    await expect(readIncidentState(incidentId, db)).rejects.toMatchObject({ userMessage: LOCKED_MESSAGE });
    await expect(commands.addLogEntry(incidentId, 'tijdens vergrendeling')).rejects.toMatchObject({
      userMessage: LOCKED_MESSAGE,
    });
    expect(await rawRows(db, 'logs')).toEqual(before);

    expect(await unlock(db, 'verkeerde wachtzin')).toEqual({ ok: false, message: UNLOCK_FAILED_MESSAGE });
    expect(dataKey.status()).toBe('locked');
    expect(await unlock(db, PASSPHRASE)).toEqual({ ok: true });
    expect((await readIncidentState(incidentId, db))?.details.address?.street).toBe(PLANTED.street);
    expect((await rawRows(db, 'keyring'))[0]).toMatchObject({ failures: 0 });
  });

  it('says a tampered record cannot be opened, changes nothing, and keeps other records readable', async () => {
    const { db, commands, incidentId } = await lockedDatabaseWithIncident();
    const other = await commands.createIncident(homeAt('1011AA', '1'), 'direct-na', '2026.1');
    const [logRow] = (await rawRows(db, 'logs')).filter((row) => row.incidentId === incidentId);
    const sealed = logRow!.sealed as { ct: Uint8Array };
    sealed.ct[10]! ^= 1;
    await rawPut(db, 'logs', logRow);
    const before = await rawRows(db, 'logs');

    const error = await readIncidentState(incidentId, db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).userMessage).toBe(TAMPERED_MESSAGE);
    expect(await rawRows(db, 'logs')).toEqual(before);
    expect((await readIncidentState(other.incidentId, db))?.details.address?.postcode).toBe('1011AA');
  });

  it('does not open a sealed record copied onto another row', async () => {
    const { db, commands, incidentId } = await lockedDatabaseWithIncident();
    const other = await commands.createIncident(homeAt('1011AA', '1'), 'direct-na', '2026.1');
    const rows = await rawRows(db, 'logs');
    const source = rows.find((row) => row.incidentId === incidentId)!;
    await rawPut(db, 'logs', { incidentId: other.incidentId, sealed: source.sealed });
    await expect(readLog(db, other.incidentId)).rejects.toMatchObject({ userMessage: TAMPERED_MESSAGE });
  });

  it('answers a tampered wrapped key like a wrong passphrase, and changes nothing', async () => {
    const { db, incidentId } = await lockedDatabaseWithIncident();
    lockNow();
    const [keyring] = await rawRows(db, 'keyring');
    const wrapped = keyring!.passphrase as { ct: Uint8Array };
    wrapped.ct[3]! ^= 0x80;
    await rawPut(db, 'keyring', keyring);
    const logsBefore = await rawRows(db, 'logs');
    expect(await unlock(db, PASSPHRASE)).toEqual({ ok: false, message: UNLOCK_FAILED_MESSAGE });
    expect(dataKey.status()).toBe('locked');
    expect(await rawRows(db, 'logs')).toEqual(logsBefore);
    await expect(readIncidentState(incidentId, db)).rejects.toBeInstanceOf(StorageError);
  });

  it('slows down after ten wrong passphrases, even for the right one, and lets it in after the wait', async () => {
    const { db } = await lockedDatabaseWithIncident();
    lockNow();
    const t0 = Date.parse('2026-12-02T10:00:00Z');
    for (let i = 0; i < 10; i++) {
      expect((await unlock(db, `fout ${i}`, new Date(t0 + i))).ok).toBe(false);
    }
    const refused = await unlock(db, PASSPHRASE, new Date(t0 + 1000));
    expect(refused).toMatchObject({ ok: false, waitSeconds: 30 });
    expect(dataKey.status()).toBe('locked');
    expect(await unlock(db, PASSPHRASE, new Date(t0 + 31_000))).toEqual({ ok: true });
    expect(attemptDelaySeconds(9)).toBe(0);
    expect(attemptDelaySeconds(12)).toBe(120);
    expect(attemptDelaySeconds(40)).toBe(900);
  });

  it('changes the passphrase by wrapping the same key again: no record is rewritten', async () => {
    const { db, incidentId } = await lockedDatabaseWithIncident();
    const logsBefore = await rawRows(db, 'logs');
    expect(await changePassphrase(db, 'fout', 'nieuwe wachtzin', FAST)).toMatchObject({ ok: false });
    expect(await changePassphrase(db, PASSPHRASE, 'nieuwe wachtzin', FAST)).toEqual({ ok: true });
    expect(await rawRows(db, 'logs')).toEqual(logsBefore);
    lockNow();
    expect((await unlock(db, PASSPHRASE)).ok).toBe(false);
    expect((await unlock(db, 'nieuwe wachtzin')).ok).toBe(true);
    expect(await readIncidentState(incidentId, db)).toBeDefined();
  });

  it('knows after a restart that a lock is set up', async () => {
    const { db } = await lockedDatabaseWithIncident();
    dataKey.configure(false);
    dataKey.lock();
    expect(await loadLockStatus(db)).toBe('locked');
  });

  it('derives the wrapping key with at least 600,000 PBKDF2 iterations by default', () => {
    expect(PASSPHRASE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('seal/open for other modules: pass-through without a lock, sealed with one, bound to its context', async () => {
    expect(seal('token', 'sync')).toBe('token');
    expect(open('token', 'sync')).toBe('token');
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    const sealed = seal({ token: 'geheim' }, 'sync');
    expect(JSON.stringify(sealed)).not.toContain('geheim');
    expect(open(sealed, 'sync')).toEqual({ token: 'geheim' });
    expect(() => open(sealed, 'elders')).toThrow(StorageError);
    const photo = new TextEncoder().encode('foto-bytes-geheim');
    const sealedPhoto = sealBytes(photo, 'photo|1');
    expect(new TextDecoder().decode((sealedPhoto as { ct: Uint8Array }).ct)).not.toContain('geheim');
    expect(openBytes(sealedPhoto, 'photo|1')).toEqual(photo);
    expect(() => openBytes(sealedPhoto, 'photo|2')).toThrow(StorageError);
    lockNow();
    expect(() => openBytes(sealedPhoto, 'photo|1')).toThrow(StorageError);
  });
});
