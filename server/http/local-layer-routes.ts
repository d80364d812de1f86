import type { FastifyInstance } from 'fastify';
import { MAX_LOCAL_FILE_BYTES } from '../../src/local/format/types.ts';
import { Refusal } from '../protocol/refusal.ts';
import { parseLocalLayerUpload } from '../protocol/validate-local-layer.ts';
import type { Database } from '../store/database.ts';
import { readTeamLocalLayer, writeTeamLocalLayer } from '../store/team-local-layer.ts';
import { coordinatorOf, deviceOf } from './auth.ts';

/** The largest layer file the app imports, and the envelope around it. */
export const LOCAL_LAYER_BODY_LIMIT = MAX_LOCAL_FILE_BYTES + 1024;

const REVISION = /^(0|[1-9][0-9]{0,14})$/;

export function localLayerRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/sync/v1/local-layer', async (request) => {
    const device = await deviceOf(db, request);
    const { known } = request.query as Record<string, unknown>;
    if (known !== undefined && (typeof known !== 'string' || !REVISION.test(known)))
      throw new Refusal('invalid-request', 'known must be a revision from an earlier response');
    return readTeamLocalLayer(db, device, known === undefined ? 0 : Number(known));
  });

  // The coordinator is the only editor of the layer in a team (the screens say so; this enforces it).
  app.put('/api/sync/v1/local-layer', { bodyLimit: LOCAL_LAYER_BODY_LIMIT }, async (request) => {
    const device = await coordinatorOf(db, request);
    const { baseRevision, baseUpdatedAt, file } = parseLocalLayerUpload(request.body);
    return writeTeamLocalLayer(db, device, { revision: baseRevision, updatedAt: baseUpdatedAt }, file);
  });
}
