import { type RefObject, useEffect } from 'react';
import { dataKey } from '../db/data-key.ts';

/** The tab title while the app is covered or locked: the app's name, nothing about an incident. */
export const NEUTRAL_TITLE = 'Handelingskader Explosies';
const COVERED = 'lock-gate--covered';

/**
 * With the lock on, the moment the page is hidden (another app, the task switcher, a
 * switched tab) the screens under `ref` are covered and the tab title becomes neutral,
 * so the snapshot the OS keeps of the app shows nothing personal, where the browser
 * takes it after telling the page. Done straight in the event, not through a React
 * render that might come after the snapshot. The screens stay mounted (hidden, not
 * removed), so what was being typed and the scroll position are there on return.
 */
export function usePrivacyCover(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let hiddenTitle: string | undefined;
    // A screen that renders while covered (a live query, a timer) must not put its title back.
    const keepNeutral = new MutationObserver(() => {
      if (hiddenTitle === undefined || document.title === NEUTRAL_TITLE) return;
      hiddenTitle = document.title;
      document.title = NEUTRAL_TITLE;
    });
    const cover = () => {
      if (hiddenTitle !== undefined) return;
      hiddenTitle = document.title;
      document.title = NEUTRAL_TITLE;
      ref.current?.classList.add(COVERED);
      keepNeutral.observe(document.head, { subtree: true, childList: true, characterData: true });
    };
    const uncover = () => {
      if (hiddenTitle === undefined) return;
      keepNeutral.disconnect();
      // Locked meanwhile (auto-lock on return): the lock screen sets its own title.
      if (dataKey.status() === 'open') document.title = hiddenTitle;
      hiddenTitle = undefined;
      ref.current?.classList.remove(COVERED);
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? cover() : uncover());
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', cover);
    window.addEventListener('pageshow', uncover);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', cover);
      window.removeEventListener('pageshow', uncover);
      uncover();
    };
  }, [ref, active]);
}
