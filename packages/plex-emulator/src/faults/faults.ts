import type { Rng } from '../data/rng.js';
import type { MalformedBody } from './malformed.js';

/** Faults to inject, for tests and benchmarks of how clients cope. */
export interface FaultConfig {
  /** Delay before every answer, in ms. */
  latencyMs: number;
  /** Share of requests (0–1) answered with `errorStatus` and Plex's HTML error page. */
  errorRate: number;
  /** Status for injected errors. */
  errorStatus: number;
  /** Share of requests (0–1) whose connection is dropped without an answer. */
  dropRate: number;
  /**
   * Share of requests (0–1) answered 200 with a body that is not the JSON asked for, as a
   * half-written response or a proxy's login page would be.
   */
  malformedRate: number;
  /** What malformed answers carry: JSON cut off midway, or an HTML page. */
  malformedBody: MalformedBody;
  /** When true, the server refuses connections, as a stopped PMS does. */
  unreachable: boolean;
  /** Limits the faults to request paths that start with this prefix. */
  pathPrefix: string;
}

/** What to do to one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'unreachable' }
  | { kind: 'drop' }
  | { kind: 'error'; status: number }
  | { kind: 'malformed'; body: MalformedBody };

const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 500,
  dropRate: 0,
  malformedRate: 0,
  malformedBody: 'truncated-json',
  unreachable: false,
  pathPrefix: '/',
};

/** The fault switchboard. Decisions draw from a seeded PRNG so runs repeat. */
export class Faults {
  private current: FaultConfig = { ...NO_FAULTS };
  private readonly watchers = new Set<(config: FaultConfig) => void>();

  constructor(private readonly rng: Rng) {}

  /** The faults in force. */
  get config(): Readonly<FaultConfig> {
    return this.current;
  }

  /** Changes some faults, keeping the others. */
  set(changes: Partial<FaultConfig>): void {
    this.current = { ...this.current, ...changes };
    for (const watcher of this.watchers) watcher(this.current);
  }

  /** Back to a healthy server. */
  reset(): void {
    this.set(NO_FAULTS);
  }

  /** Calls `watcher` after every change; returns the function that stops watching. */
  onChange(watcher: (config: FaultConfig) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Decides the fate of one request to `path`. */
  decide(path: string): FaultDecision {
    const c = this.current;
    if (!path.startsWith(c.pathPrefix)) return { kind: 'none' };
    if (c.unreachable) return { kind: 'unreachable' };
    if (c.dropRate > 0 && this.rng.chance(c.dropRate)) return { kind: 'drop' };
    if (c.errorRate > 0 && this.rng.chance(c.errorRate)) {
      return { kind: 'error', status: c.errorStatus };
    }
    if (c.malformedRate > 0 && this.rng.chance(c.malformedRate)) {
      return { kind: 'malformed', body: c.malformedBody };
    }
    return { kind: 'none' };
  }
}

/** The error fetch() throws when a connection fails, shaped like undici's. */
export function connectionError(code: 'ECONNREFUSED' | 'ECONNRESET'): TypeError {
  const cause = Object.assign(
    new Error(`${code === 'ECONNREFUSED' ? 'connect' : 'read'} ${code}`),
    {
      code,
    },
  );
  return new TypeError('fetch failed', { cause });
}
