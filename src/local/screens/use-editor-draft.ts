import { useCallback, useEffect, useRef, useState } from 'react';
import { readDraft, removeDraft, writeDraft } from '../../incidents/store/drafts.ts';
import { canonicalJson } from '../../model/canonical-json.ts';

interface Stored<T> {
  /** The saved entry the draft was typed over; the draft is only offered again over that same entry. */
  base: string;
  value: T;
}

/**
 * Form state that survives a reload (an app update, another tab's database upgrade, the lock),
 * in the sealed drafts of the incidents. Unlike an incident form, an editor form starts from a
 * saved entry that may change meanwhile (an import, another tab): a draft typed over an older
 * version is dropped rather than written back over the newer one. Kept only while it differs.
 */
export function useEditorDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const base = useRef(canonicalJson(initial)).current;
  const [value, setValue] = useState<T>(() => {
    const stored = readDraft<Stored<T>>(`lokaal:${key}`);
    return stored?.base === base ? stored.value : initial;
  });
  useEffect(() => {
    if (canonicalJson(value) === base) removeDraft(`lokaal:${key}`);
    else writeDraft(`lokaal:${key}`, { base, value } satisfies Stored<T>);
  }, [key, base, value]);
  const clear = useCallback(() => removeDraft(`lokaal:${key}`), [key]);
  return [value, setValue, clear];
}
