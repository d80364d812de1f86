import { type RefObject, useEffect } from 'react';

const FIELDS = 'input, textarea';

/**
 * Marks every text field under `ref` autocomplete="off", now and as screens render new
 * ones. Chromium otherwise keeps what was typed in the profile, in plain text, outside
 * IndexedDB: in its session files (form state for restoring a tab) and its autofill
 * store ("Web Data"). One place for all fields with personal data, so a field added to
 * a screen later cannot forget it (tests/e2e/lock-profile.test.ts searches for them).
 */
export function useNoAutofill(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = (element: Element) => {
      if (element.getAttribute('autocomplete') !== 'off') element.setAttribute('autocomplete', 'off');
    };
    const markUnder = (node: Node) => {
      if (!(node instanceof Element)) return;
      if (node.matches(FIELDS)) mark(node);
      for (const field of node.querySelectorAll(FIELDS)) mark(field);
    };
    markUnder(root);
    // Only what changed: a step tap re-renders a few nodes, not the page.
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') markUnder(record.target);
        else for (const node of record.addedNodes) markUnder(node);
      }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete'] });
    return () => observer.disconnect();
  }, [ref]);
}
