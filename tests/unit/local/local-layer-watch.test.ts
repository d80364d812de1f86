import { afterEach, describe, expect, it } from 'vitest';
import { watchLocalLayer } from '../../../src/app/local-layer-watch.ts';
import { indexKader, type KaderIndex } from '../../../src/content/kader-index.ts';
import { dataKey } from '../../../src/db/data-key.ts';
import { getAppDatabase, openAppDatabase } from '../../../src/db/database.ts';
import { saveLocalContact, setLocalMunicipality } from '../../../src/local/store/commands.ts';
import { realKader } from '../incidents/helpers.ts';

afterEach(() => dataKey.configure(false));

describe('the app following the stored local layer', () => {
  // First in the file: the database is shared and still holds no layer here.
  it('says when it has read that there is no layer, so work waiting for the overlay can start', async () => {
    const national = indexKader(realKader());
    const calls: [KaderIndex, boolean][] = [];
    const stop = watchLocalLayer(national, (index, read) => calls.push([index, read]));
    await expect.poll(() => calls.at(-1)?.[1]).toBe(true);
    expect(calls.at(-1)?.[0]).toBe(national);
    stop();
  });

  it('shows the overlay, the national framework alone while locked, and every later change from any connection', async () => {
    const national = indexKader(realKader());
    const db = getAppDatabase();
    const context = { national: national.kader, db, actor: 'Anna' };
    await setLocalMunicipality('gm0363', 'Amsterdam', context);

    let shown: KaderIndex | undefined;
    const stop = watchLocalLayer(national, (index) => {
      shown = index;
    });
    await expect.poll(() => shown?.local?.revision).toBe(1);

    // Another tab (another connection to the same database) adds a contact: it shows here.
    const other = openAppDatabase(db.name);
    await saveLocalContact(
      {
        name: 'Woonstad',
        role: 'Corporatie',
        phones: [{ label: 'Piket', number: '010 123 45 67' }],
        visibility: 'openbaar',
      },
      { ...context, db: other },
    );
    await expect.poll(() => shown?.local?.contacts.size).toBe(1);

    // Locked: names and numbers of contacts are not shown; the national framework is.
    dataKey.configure(true);
    expect(dataKey.status()).toBe('locked');
    await expect.poll(() => shown).toBe(national);

    // Unlocked again: the layer is back.
    dataKey.open(new Uint8Array(32).fill(7));
    await expect.poll(() => shown?.local?.revision).toBe(2);
    stop();
    other.close();
  });
});
