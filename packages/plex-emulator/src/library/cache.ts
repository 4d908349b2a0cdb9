import type { EmulatorState } from '../state/store.js';

/**
 * A small least-recently-used cache whose entries are valid for one `state.revision`: any write
 * that can change an order or a filter result bumps the revision, and stale entries miss.
 */
export class RevisionCache<V> {
  private readonly entries = new Map<string, { revision: number; value: V }>();

  constructor(private readonly capacity: number) {}

  /** The value cached for `key` at `revision`, if any. */
  get(key: string, revision: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.revision !== revision) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores a value for `key` at `revision`, evicting the least recently used entry when full. */
  set(key: string, revision: number, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

const perState = new WeakMap<EmulatorState, Map<string, RevisionCache<unknown>>>();

/**
 * The named cache of one emulator state. Kept beside the state rather than in it, so the state
 * stays plain data and each emulator (tests create many) has its own caches.
 */
export function cacheFor<V>(state: EmulatorState, name: string, capacity = 16): RevisionCache<V> {
  let caches = perState.get(state);
  if (!caches) {
    caches = new Map();
    perState.set(state, caches);
  }
  let cache = caches.get(name);
  if (!cache) {
    cache = new RevisionCache<unknown>(capacity);
    caches.set(name, cache);
  }
  return cache as RevisionCache<V>;
}
