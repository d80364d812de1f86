/**
 * A simulated device over real HTTP: push, pull and the live stream the way the app is
 * meant to use them (docs/sync-protocol.md). Used by the load script and the stream
 * tests; it is also the smallest reference client of protocol v1.
 */

export interface StreamChange {
  seq: string;
  type: 'event' | 'purge';
  event?: { id: string; incidentId: string };
  incidentId?: string;
}

export class DeviceClient {
  readonly seen: StreamChange[] = [];
  cursor = '0';
  revoked = false;
  connects = 0;
  private abort: AbortController | undefined;
  private running = false;
  private waiters: (() => void)[] = [];

  constructor(
    readonly origin: string,
    readonly token: string,
  ) {}

  private headers(json = false): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, ...(json ? { 'content-type': 'application/json' } : {}) };
  }

  async push(events: unknown[]): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.origin}/api/sync/v1/events`, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify({ events }),
    });
    return { status: res.status, body: await res.json() };
  }

  /** Opens the stream and keeps it open: on any break, a new ticket and `after` = the last cursor. */
  startStream(): Promise<void> {
    this.running = true;
    const ready = new Promise<void>((resolve) => {
      void this.loop(resolve);
    });
    return ready;
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
  }

  /** Resolves when `test` holds for what the stream delivered. */
  async until(test: (client: DeviceClient) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this)) {
      if (Date.now() > deadline)
        throw new Error(`stream: condition not met after ${timeoutMs} ms (${this.seen.length} seen)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  private async loop(onReady: () => void): Promise<void> {
    while (this.running && !this.revoked) {
      try {
        await this.connect(onReady);
      } catch {
        // Server or database away: try again shortly, with the cursor we have.
      }
      if (this.running && !this.revoked) await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async connect(onReady: () => void): Promise<void> {
    const ticketRes = await fetch(`${this.origin}/api/sync/v1/stream-tickets`, {
      method: 'POST',
      headers: this.headers(),
    });
    if (ticketRes.status === 403) {
      this.revoked = true;
      return;
    }
    if (!ticketRes.ok) throw new Error(`ticket ${ticketRes.status}`);
    const { ticket } = (await ticketRes.json()) as { ticket: string };
    this.abort = new AbortController();
    const res = await fetch(`${this.origin}/api/sync/v1/stream?ticket=${ticket}&after=${this.cursor}`, {
      signal: this.abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
    this.connects++;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.onMessage(buffer.slice(0, end), onReady);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  private onMessage(block: string, onReady: () => void): void {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (event === 'changes') {
      const page = JSON.parse(data) as { changes: StreamChange[]; cursor: string };
      this.seen.push(...page.changes);
      this.cursor = page.cursor;
    } else if (event === 'ready') {
      onReady();
    } else if (event === 'revoked') {
      this.revoked = true;
      this.stop();
    }
    for (const wake of this.waiters.splice(0)) wake();
  }
}
