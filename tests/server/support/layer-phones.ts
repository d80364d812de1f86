import type { FastifyInstance } from 'fastify';
import type { AppDatabase } from '../../../src/db/database.ts';
import type { SyncMembership } from '../../../src/db/rows.ts';
import { editLocalLayer, readLocalLayer } from '../../../src/local/store/local-store.ts';
import { syncLocalLayer } from '../../../src/sync/store/local-layer-sync.ts';
import { readMembership, writeMembership } from '../../../src/sync/store/membership.ts';
import { freshDatabase } from '../../unit/incidents/helpers.ts';
import { kaderOf } from '../../unit/local/local-fixtures.ts';
import type { Member } from './fixtures.ts';

/**
 * Phones for the team's local layer in server tests: real phone storage (fake-indexeddb)
 * running the app's own `syncLocalLayer` against the real server and database.
 */
export const national = kaderOf({});

export interface Phone {
  db: AppDatabase;
  sync(adopt?: boolean): Promise<string | undefined>;
  contacts(): Promise<string[]>;
  agreed(): Promise<SyncMembership['localLayer']>;
  membership(): Promise<SyncMembership | undefined>;
}

export function phone(member: Member): Phone {
  const db = freshDatabase();
  const ready = writeMembership(db, {
    teamName: 'Gemeente Rotterdam',
    token: member.token,
    role: member.role,
    deviceName: `Telefoon ${member.role}`,
    cursor: '0',
  });
  return {
    db,
    async sync(adopt = false) {
      await ready;
      return syncLocalLayer(db, (await readMembership(db))!, national, adopt);
    },
    contacts: async () => ((await readLocalLayer(db))?.contacts ?? []).map((c) => c.name).sort(),
    agreed: async () => (await readMembership(db))?.localLayer,
    membership: () => readMembership(db),
  };
}

export const addContact = (p: Phone, name: string) =>
  editLocalLayer(
    {
      type: 'contact.save',
      contact: { name, role: 'Piket', phones: [{ label: 'Piket', number: '010 440 88 00' }], visibility: 'intern' },
    },
    { national, actor: 'Coördinator', db: p.db },
  );

export const setRotterdam = (p: Phone) =>
  editLocalLayer({ type: 'municipality', code: 'gm0599', name: 'Rotterdam' }, { national, db: p.db, actor: 'C' });

/** The team's layer as the server holds it: its revision and its contacts' names. */
export async function serverContacts(app: FastifyInstance, member: Member) {
  const res = await app.inject({ url: '/api/sync/v1/local-layer', headers: member.auth });
  const body = res.json() as { revision: number; file?: { layer: { contacts: { name: string }[] } } };
  return { revision: body.revision, contacts: (body.file?.layer.contacts ?? []).map((c) => c.name).sort() };
}
