import { logReads } from '../store/access-log.ts';
import type { Database } from '../store/database.ts';
import { type Change, incidentsOf, pullChanges } from '../store/pull-changes.ts';
import { CHANGES_CHANNEL, LOCAL_LAYER_PREFIX, REVOKED_PREFIX } from '../store/team-lock.ts';
import type { Device } from '../team/roles.ts';

export interface StreamClient {
  device: Device;
  cursor: string;
  /**
   * Called in sequence order, never twice for one change. `json` is the changes as a JSON
   * array, serialised once for all clients at the same position.
   */
  deliver(json: string, cursor: string, changes: readonly Change[]): void;
  /** Called once after the first fetch: the client has everything up to now. */
  ready(cursor: string): void;
  revoked(): void;
  /** The team's local layer is now at this revision (the device fetches it when newer than its own). */
  localLayer?(revision: number): void;
}

interface TeamState {
  clients: Set<StreamClient & { isReady?: boolean }>;
  running: boolean;
  again: boolean;
}

/**
 * Feeds the live streams of this process. A NOTIFY says only "team T has news"; the hub
 * then reads the team's changes after the lowest cursor of its clients (one query for
 * all of them) and gives each client what lies beyond its own cursor. One fetch per team
 * at a time, repeated if news arrived meanwhile, so each client sees every change once
 * and in order. A NOTIFY can be lost while the database connection is down; after a
 * reconnect, and on a slow timer as a safety net, every team is read again.
 */
export class StreamHub {
  private readonly teams = new Map<number, TeamState>();
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly pollMs = 30_000,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      CHANGES_CHANNEL,
      (payload) => this.onNotify(payload),
      () => this.wakeAll(),
    );
    this.timer = setInterval(() => this.wakeAll(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.();
    this.teams.clear();
  }

  add(client: StreamClient): () => void {
    const teamId = client.device.teamId;
    let team = this.teams.get(teamId);
    if (!team) {
      team = { clients: new Set(), running: false, again: false };
      this.teams.set(teamId, team);
    }
    team.clients.add(client);
    this.wake(teamId);
    return () => {
      team.clients.delete(client);
      if (team.clients.size === 0 && !team.running) this.teams.delete(teamId);
    };
  }

  private onNotify(payload: string): void {
    if (payload.startsWith(REVOKED_PREFIX)) {
      const deviceId = Number(payload.slice(REVOKED_PREFIX.length));
      for (const team of this.teams.values())
        for (const client of team.clients) if (client.device.id === deviceId) client.revoked();
      return;
    }
    if (payload.startsWith(LOCAL_LAYER_PREFIX)) {
      const [teamId, revision] = payload.slice(LOCAL_LAYER_PREFIX.length).split(':').map(Number);
      for (const client of this.teams.get(teamId!)?.clients ?? []) client.localLayer?.(revision!);
      return;
    }
    this.wake(Number(payload));
  }

  wakeAll(): void {
    for (const teamId of this.teams.keys()) this.wake(teamId);
  }

  private wake(teamId: number): void {
    const team = this.teams.get(teamId);
    if (!team) return;
    if (team.running) {
      team.again = true;
      return;
    }
    team.running = true;
    void this.run(teamId, team);
  }

  private async run(teamId: number, team: TeamState): Promise<void> {
    try {
      do {
        team.again = false;
        await this.fetchTeam(teamId, team);
      } while (team.again && team.clients.size > 0);
    } catch {
      // The database is away; the reconnect (or the timer) wakes the team again.
    } finally {
      team.running = false;
      if (team.clients.size === 0) this.teams.delete(teamId);
    }
  }

  private async fetchTeam(teamId: number, team: TeamState): Promise<void> {
    for (;;) {
      const clients = [...team.clients];
      if (clients.length === 0) return;
      const from = clients.reduce((min, c) => (BigInt(c.cursor) < BigInt(min) ? c.cursor : min), clients[0]!.cursor);
      const page = await pullChanges(this.db, teamId, from);
      const texts = page.changes.map((c) => JSON.stringify(c));
      const joined = new Map<number, string>();
      const sends: { client: StreamClient; json: string; fresh: Change[] }[] = [];
      for (const client of clients) {
        const after = BigInt(client.cursor);
        const start = page.changes.findIndex((c) => BigInt(c.seq) > after);
        if (start < 0) continue;
        let json = joined.get(start);
        if (json === undefined) {
          json = `[${texts.slice(start).join(',')}]`;
          joined.set(start, json);
        }
        sends.push({ client, json, fresh: page.changes.slice(start) });
      }
      // Logged before sending: the access log may hold a read that a broken connection
      // never delivered, but never miss one that was delivered.
      await logReads(
        this.db,
        sends.map(({ client, fresh }) => ({ device: client.device, incidentIds: incidentsOf(fresh) })),
      );
      for (const { client, json, fresh } of sends) {
        client.cursor = fresh.at(-1)!.seq;
        client.deliver(json, client.cursor, fresh);
      }
      for (const client of clients) {
        if (!client.isReady && !page.more) {
          client.isReady = true;
          client.ready(client.cursor);
        }
      }
      if (!page.more) return;
    }
  }
}
