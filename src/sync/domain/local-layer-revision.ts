/**
 * How the team's layer on the server stands to the one this device last agreed with it
 * (docs/sync-protocol.md, "Local layer", "A restored server"). On a live server the revision
 * only rises, so a lower one than agreed means the server was restored from a backup. The
 * server's `updatedAt` (its clock, stored with each revision) tells which restored layer it
 * holds: one written before the agreed revision is an older revision of the same line
 * ('restored'); one written after it, or the agreed revision number with another stamp, was
 * uploaded by another device after the restore ('replaced'), and is news this device lacks.
 * Without stamps (an older server, or an agreement stored before they were kept) only the
 * revision can speak: lower is 'restored', equal is 'same'.
 */
export type ServerLayerVerdict = 'same' | 'newer' | 'restored' | 'replaced';

export interface AgreedLayerRevision {
  serverRevision: number;
  serverUpdatedAt?: string;
}

export interface ServerLayerRevision {
  revision: number;
  updatedAt?: string;
}

export function serverLayerVerdict(
  agreed: AgreedLayerRevision | undefined,
  server: ServerLayerRevision,
): ServerLayerVerdict {
  const known = agreed?.serverRevision ?? 0;
  if (server.revision > known) return 'newer';
  const since = agreed?.serverUpdatedAt;
  const stamp = server.updatedAt;
  const stamped = since !== undefined && stamp !== undefined;
  if (server.revision === known) return stamped && stamp !== since ? 'replaced' : 'same';
  return stamped && Date.parse(stamp) > Date.parse(since) ? 'replaced' : 'restored';
}
