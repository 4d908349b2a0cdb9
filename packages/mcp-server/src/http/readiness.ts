// `/ready`, for a load balancer: may this replica be sent requests? `/health` only says the
// process is alive. Ready means not draining, the database answering and Plex answering; a
// balancer then stops sending to a replica that cannot serve and sends again once it can.

import { isPlexError, type PlexClient } from '@plexmcp/plex-client';
import type { ServerPlatform } from './platform.js';

/** How long one probe of a dependency may take before it counts as not answering. */
const PROBE_TIMEOUT_MS = 2000;

/** How long an answer is reused: probes are unauthenticated, so a flood must not reach Plex. */
const READY_CACHE_MS = 1000;

/** What a dependency answered: `ok`, or why not. */
type Check = 'ok' | 'unreachable' | 'timeout' | 'unauthorized' | 'error';

/** The `/ready` body. */
export interface Readiness {
  status: 'ready' | 'not_ready' | 'draining';
  /** Absent without the platform (no database), and while draining. */
  database?: Check;
  /** Absent while draining. */
  plex?: Check;
}

/** What the readiness check looks at. */
export interface ReadinessOptions {
  plex: PlexClient;
  platform: ServerPlatform | undefined;
  draining: () => boolean;
}

/** Answers `/ready`'s body and status; probes run at most once a second, shared by callers. */
export function createReadiness(options: ReadinessOptions) {
  let last: { at: number; answer: Promise<Readiness> } | undefined;
  const probe = async (): Promise<Readiness> => {
    const [database, plex] = await Promise.all([
      options.platform ? check(() => options.platform?.ping()) : undefined,
      check(() => options.plex.server.info()),
    ]);
    // Plex refusing the token is reachable: every replica shares the token, so taking them all
    // out of the balancer would not help; tool calls answer 502 saying what is wrong instead.
    const plexServes = plex === 'ok' || plex === 'unauthorized';
    const ready = (database === undefined || database === 'ok') && plexServes;
    return {
      status: ready ? 'ready' : 'not_ready',
      ...(database ? { database } : {}),
      plex,
    };
  };
  return async (): Promise<{ status: number; body: Readiness }> => {
    if (options.draining()) return { status: 503, body: { status: 'draining' } };
    const at = Date.now();
    if (!last || at - last.at >= READY_CACHE_MS) last = { at, answer: probe() };
    const body = await last.answer;
    // Draining may have begun while the probe ran.
    if (options.draining()) return { status: 503, body: { status: 'draining' } };
    return { status: body.status === 'ready' ? 200 : 503, body };
  };
}

/** Runs one probe, bounded in time, and names its outcome. */
async function check(run: () => Promise<unknown> | undefined): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      Promise.resolve(run()).then(
        (): Check => 'ok',
        (error: unknown): Check => outcomeOf(error),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function outcomeOf(error: unknown): Check {
  if (isPlexError(error)) {
    if (error.code === 'UNAUTHORIZED') return 'unauthorized';
    if (error.code === 'TIMEOUT') return 'timeout';
    if (error.code === 'UNREACHABLE') return 'unreachable';
    return 'error';
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'UNAVAILABLE' ? 'unreachable' : 'error';
}
