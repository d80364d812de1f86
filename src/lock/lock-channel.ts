import { dataKey } from '../db/data-key.ts';

/**
 * Tells the app's other tabs what happened to the lock: each tab holds its own key in
 * memory, so without this a tab opened before the lock was set up would go on writing
 * unsealed rows, and "Vergrendel" in one tab would leave another open.
 */
type LockMessage = 'set-up' | 'locked' | 'turning-off' | 'turned-off';

let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  if (!channel) {
    channel = new BroadcastChannel('hke-lock');
    // Node (the unit tests) would otherwise keep running for an open channel.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
    channel.onmessage = (event: MessageEvent<LockMessage>) => {
      if (event.data === 'set-up') dataKey.configure(true);
      // Turning off: one tab decrypts; the others wait behind the lock screen until it is done.
      else if (event.data === 'locked' || event.data === 'turning-off') dataKey.lock();
      else if (event.data === 'turned-off') dataKey.configure(false);
    };
  }
  return channel;
}

export function announceLock(message: LockMessage): void {
  open()?.postMessage(message);
}

/** Starts listening (the lock gate calls it once the tab shows personal data). */
export function listenToOtherTabs(): void {
  open();
}
