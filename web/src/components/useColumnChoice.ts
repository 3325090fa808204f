/** Which optional table columns a user shows, kept in this browser per user (localStorage). */
import { useCallback, useState } from 'react';

function read(storageKey: string, fallback: string[]): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    return Array.isArray(stored) && stored.every((key) => typeof key === 'string') ? stored : fallback;
  } catch {
    return fallback;
  }
}

export function useColumnChoice(storageKey: string, defaults: string[]): [string[], (keys: string[]) => void] {
  const [shown, setShown] = useState(() => read(storageKey, defaults));
  const choose = useCallback(
    (keys: string[]) => {
      setShown(keys);
      try {
        localStorage.setItem(storageKey, JSON.stringify(keys));
      } catch {
        // Storage full or disabled: the choice lasts for this page only.
      }
    },
    [storageKey],
  );
  return [shown, choose];
}
