import { describe, expect, it } from 'vitest';
import { withDataLossReport } from '../../src/db/data-loss.ts';

/** A factory whose open returns a plain event target, so a test can fire the upgrade Chromium would. */
function fakeFactory() {
  const opened: { name: string; version: number | undefined; request: EventTarget }[] = [];
  const factory = {
    open(name: string, version?: number) {
      const request = new EventTarget();
      opened.push({ name, version, request });
      return request;
    },
    // Like the browser's, it works only on the factory itself ("Illegal invocation" otherwise).
    cmp(a: number, b: number) {
      return this === factory ? Math.sign(a - b) : Number.NaN;
    },
  };
  return { factory: factory as unknown as IDBFactory, opened };
}

function upgrade(fields: Record<string, unknown>): Event {
  return Object.assign(new Event('upgradeneeded'), fields);
}

describe('the data-loss report of a database open', () => {
  it("records Chromium's total data loss with its message, once per open that reports it", () => {
    const { factory, opened } = fakeFactory();
    const recorded: string[] = [];
    const wrapped = withDataLossReport(factory, (message) => recorded.push(message), true);
    wrapped.open('handelingskader', 70);
    expect(opened).toEqual([{ name: 'handelingskader', version: 70, request: expect.any(EventTarget) }]);
    opened[0]!.request.dispatchEvent(upgrade({ dataLoss: 'total', dataLossMessage: 'checksum mismatch' }));
    expect(recorded).toEqual(['checksum mismatch']);
  });

  it('records nothing for an ordinary upgrade or a new database', () => {
    const { factory, opened } = fakeFactory();
    const recorded: string[] = [];
    const wrapped = withDataLossReport(factory, (message) => recorded.push(message), true);
    wrapped.open('handelingskader');
    expect(opened[0]!.version).toBeUndefined();
    opened[0]!.request.dispatchEvent(upgrade({ dataLoss: 'none', oldVersion: 0 }));
    opened[0]!.request.dispatchEvent(upgrade({ oldVersion: 60 }));
    expect(recorded).toEqual([]);
  });

  it('passes everything else to the browser factory, bound to it', () => {
    const { factory } = fakeFactory();
    const wrapped = withDataLossReport(factory, () => {}, true);
    expect(wrapped).not.toBe(factory);
    expect(wrapped.cmp(1, 2)).toBe(-1);
  });

  it('hands back the factory itself where the browser has no such report', () => {
    const { factory } = fakeFactory();
    expect(withDataLossReport(factory, () => {}, false)).toBe(factory);
  });
});
