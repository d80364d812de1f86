/**
 * When Chromium finds an IndexedDB database corrupt on opening it (after a crash in the
 * middle of a write, for instance), it deletes the database and starts an empty one. It
 * says so once: on that open's `upgradeneeded`, in the non-standard `dataLoss` ('total')
 * and `dataLossMessage`. Without this, the app would look like a new device, with no
 * word about the incidents that were on it.
 *
 * The report lives in localStorage, outside the database that was wiped, until the
 * adviser has read it. It holds no personal data: a time and the browser's message.
 */

const KEY = 'hke-data-loss';

export interface DataLossReport {
  /** ISO time of the open that found the database deleted. */
  at: string;
  /** The browser's own (English, technical) reason. */
  message: string;
}

type DataLossEvent = IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string };

const listeners = new Set<() => void>();
let cached: DataLossReport | undefined | null = null;

/**
 * The factory Dexie opens the database with: the same as `factory`, but an open whose
 * upgrade reports a total data loss is recorded. Only where the browser has the report
 * (Chromium): elsewhere `factory` itself, so Dexie keeps its Safari workarounds, which
 * it applies only to the global factory.
 */
export function withDataLossReport(
  factory: IDBFactory,
  record: (message: string) => void = recordDataLoss,
  supported = typeof IDBVersionChangeEvent !== 'undefined' && 'dataLoss' in IDBVersionChangeEvent.prototype,
): IDBFactory {
  if (!supported) return factory;
  return new Proxy(factory, {
    get(target, property) {
      if (property === 'open') {
        return (name: string, version?: number) => {
          const request = version === undefined ? target.open(name) : target.open(name, version);
          request.addEventListener('upgradeneeded', (event) => {
            const { dataLoss, dataLossMessage } = event as DataLossEvent;
            if (dataLoss === 'total') record(dataLossMessage ?? '');
          });
          return request;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function recordDataLoss(message: string, now = new Date()): void {
  const report: DataLossReport = { at: now.toISOString(), message: message.slice(0, 300) };
  try {
    localStorage.setItem(KEY, JSON.stringify(report));
  } catch {
    // Storage refused (full, or private mode): the report still shows in this tab.
  }
  cached = report;
  for (const listener of listeners) listener();
}

export function readDataLossReport(): DataLossReport | undefined {
  if (cached !== null) return cached;
  cached = undefined;
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DataLossReport> | null;
    if (parsed && typeof parsed.at === 'string' && typeof parsed.message === 'string') {
      cached = { at: parsed.at, message: parsed.message };
    }
  } catch {
    // Unreadable or unparsable: nothing to report.
  }
  return cached;
}

/** The adviser has read it. */
export function dismissDataLossReport(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored to remove.
  }
  cached = undefined;
  for (const listener of listeners) listener();
}

/** Also hears another tab record or dismiss the report. */
export function onDataLossReport(listener: () => void): () => void {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== KEY && event.key !== null) return;
    cached = null;
    listener();
  };
  listeners.add(listener);
  globalThis.addEventListener?.('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', fromOtherTab);
  };
}
