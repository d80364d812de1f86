import { describe, expect, it } from 'vitest';
import {
  LOCAL_CONFLICT,
  LOCAL_RESTORED_CONFLICT,
  offersTeamVersion,
} from '../../../src/sync/domain/local-layer-conflict.ts';
import { serverLayerVerdict } from '../../../src/sync/domain/local-layer-revision.ts';

const T1 = '2026-12-02T09:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';
const T3 = '2026-12-02T11:00:00.000Z';

describe("the server's team layer against the one this device agreed on", () => {
  it('is the same, or newer, as on a live server', () => {
    expect(serverLayerVerdict(undefined, { revision: 0 })).toBe('same');
    expect(serverLayerVerdict(undefined, { revision: 1, updatedAt: T1 })).toBe('newer');
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 2, updatedAt: T2 })).toBe('same');
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 3, updatedAt: T3 })).toBe(
      'newer',
    );
  });

  it('is an older revision of the agreed line when the server was restored from a backup', () => {
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 1, updatedAt: T1 })).toBe(
      'restored',
    );
    // Restored to before the team had a layer.
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 0 })).toBe('restored');
    // An agreement stored before stamps were kept, or an older server: the revision alone speaks.
    expect(serverLayerVerdict({ serverRevision: 2 }, { revision: 1, updatedAt: T3 })).toBe('restored');
    expect(serverLayerVerdict({ serverRevision: 2 }, { revision: 2, updatedAt: T3 })).toBe('same');
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 2 })).toBe('same');
  });

  it('is another layer when the restored server was written to after the agreement', () => {
    expect(serverLayerVerdict({ serverRevision: 3, serverUpdatedAt: T2 }, { revision: 2, updatedAt: T3 })).toBe(
      'replaced',
    );
    // The same number with another stamp: never the same revision, whichever clock is ahead.
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 2, updatedAt: T3 })).toBe(
      'replaced',
    );
    expect(serverLayerVerdict({ serverRevision: 2, serverUpdatedAt: T2 }, { revision: 2, updatedAt: T1 })).toBe(
      'replaced',
    );
  });
});

describe('"Versie van het team overnemen"', () => {
  it('is offered for both conflicts over the layer, and for no other problem', () => {
    expect(offersTeamVersion(LOCAL_CONFLICT)).toBe(true);
    expect(offersTeamVersion(LOCAL_RESTORED_CONFLICT)).toBe(true);
    expect(offersTeamVersion(undefined)).toBe(false);
    expect(offersTeamVersion('De lokale laag van het team hoort bij een andere gemeente.')).toBe(false);
  });
});
