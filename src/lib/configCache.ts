/**
 * Admin configuration read on every work order create (duty routing per team,
 * automation rules per trigger, business calendars), cached per database and
 * process, so a create does not spend a database round trip on each.
 *
 * Every configuration change records an event about a 'config' or 'team'
 * subject; the events/configChanges.ts subscriber then bumps this cache's
 * generation in the change's transaction, again once it has committed, and on
 * every other instance through NOTIFY on CONFIG_CHANNEL. An entry loaded under
 * an older generation is loaded again; so is one older than MAX_AGE_MS, in case
 * a NOTIFY was lost while an instance reconnected.
 */
import type { Database } from '../db/database.ts';

export const CONFIG_CHANNEL = 'kefu_config';
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 1000;

interface Entry {
  generation: number;
  loadedAt: number;
  value: Promise<unknown>;
}

export class ConfigCache {
  generation = 0;
  readonly #entries = new Map<string, Entry>();

  /** The cached value for key, or what load gives (cached under the generation seen before loading). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === this.generation && now - hit.loadedAt < MAX_AGE_MS) {
      // Another request's load failed with its transaction: this one loads for itself.
      return (hit.value as Promise<T>).catch(() => load());
    }
    const entry: Entry = { generation: this.generation, loadedAt: now, value: load() };
    // A failed load is not kept.
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, entry);
    return (await entry.value) as T;
  }

  invalidate(): void {
    this.generation++;
  }
}

const caches = new WeakMap<Database, ConfigCache>();

export function configCacheOf(database: Database): ConfigCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new ConfigCache();
    caches.set(database, cache);
  }
  return cache;
}

/** Listens for other instances' configuration changes (once per server). */
export function listenForConfigChanges(database: Database): Promise<() => Promise<void>> {
  const cache = configCacheOf(database);
  return database.listen(CONFIG_CHANNEL, () => cache.invalidate(), () => cache.invalidate());
}
