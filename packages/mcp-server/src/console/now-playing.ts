// Now playing, live: `/console/api/now-playing` is a server-sent event stream of the active
// sessions across the organization's Plex MCPs, refreshed every few seconds while the page is
// open. It asks /v1 like the page would (the MCP list, then sessions_get_active on each Plex MCP)
// under the session's key — so scopes, tenancy, limits and usage apply — and hands the browser
// only what it shows: titles, people, players, progress, and poster URLs of the console's own.

import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { signedOut } from './api-proxy.js';
import { sessionCookie } from './cookies.js';
import { type FrontDoorFetch, onBehalfOf } from './front-door-request.js';
import { secured } from './security-headers.js';
import type { ConsoleSession, createSessionStore } from './sessions.js';

type Sessions = ReturnType<typeof createSessionStore>;

/** How often the sessions are asked for. */
export const NOW_PLAYING_INTERVAL_MS = 5000;

/** One playing (or paused) session as the page shows it. */
export interface PlayingSession {
  mcp_id: string;
  mcp_name: string;
  id: string;
  title: string;
  /** The show and episode, the artist and album, or the year. */
  subtitle: string;
  user: string;
  player: string;
  state: string;
  progress_percent: number | null;
  /** `/console/api/posters/{mcp_id}/{item_id}`, or null when the item has no numeric id. */
  poster: string | null;
}

/** What each event carries. */
export interface NowPlaying {
  sessions: PlayingSession[];
  /** MCPs whose sessions could not be read, and why. */
  problems: { mcp_id: string; mcp_name: string; message: string }[];
}

interface ActiveSession {
  session_id?: string;
  user?: { name?: string };
  player?: { name?: string; product?: string };
  item?: {
    id?: string;
    title?: string;
    type?: string;
    year?: number;
    show?: string;
    season?: number;
    episode?: number;
    artist?: string;
    album?: string;
  };
  state?: string;
  progress_percent?: number;
}

function subtitleOf(item: NonNullable<ActiveSession['item']>): string {
  if (item.type === 'episode' && item.show) {
    const number =
      item.season !== undefined && item.episode !== undefined
        ? ` · S${item.season}E${item.episode}`
        : '';
    return `${item.show}${number}`;
  }
  if (item.type === 'track' && item.artist)
    return [item.artist, item.album].filter(Boolean).join(' — ');
  return item.year ? String(item.year) : '';
}

/** Asks /v1 for the sessions of every Plex MCP; 'signed-out' when the key no longer works. */
async function snapshot(
  c: Context<FrontDoorEnv>,
  session: ConsoleSession,
  frontDoor: FrontDoorFetch,
): Promise<NowPlaying | 'signed-out'> {
  const ask = async (path: string, body?: unknown) => {
    const request = onBehalfOf(c.req.raw, session.key, {
      path,
      search: body === undefined ? '?per_page=100' : '',
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)).buffer,
    });
    if (body !== undefined) request.headers.set('content-type', 'application/json');
    const answer = await frontDoor(request, c.env);
    return {
      status: answer.status,
      body: (await answer.json().catch(() => null)) as Record<string, unknown> | null,
    };
  };
  const listed = await ask('/v1/mcps');
  if (listed.status === 401) return 'signed-out';
  const mcps = Array.isArray(listed.body?.data)
    ? (listed.body.data as { id: string; name: string; kind: string }[]).filter(
        (m) => m.kind === 'plex',
      )
    : [];
  const result: NowPlaying = { sessions: [], problems: [] };
  await Promise.all(
    mcps.map(async (mcp) => {
      const answer = await ask('/v1/mcp/invoke', { mcp_id: mcp.id, tool: 'sessions_get_active' });
      const data = answer.body?.data as { sessions?: ActiveSession[] } | undefined;
      if (answer.status !== 200 || !data) {
        const error = answer.body?.error as { message?: string } | undefined;
        result.problems.push({
          mcp_id: mcp.id,
          mcp_name: mcp.name,
          message: error?.message ?? `HTTP ${answer.status}`,
        });
        return;
      }
      for (const active of data.sessions ?? []) {
        const item = active.item ?? {};
        result.sessions.push({
          mcp_id: mcp.id,
          mcp_name: mcp.name,
          id: active.session_id ?? '',
          title: item.title ?? '',
          subtitle: subtitleOf(item),
          user: active.user?.name ?? '',
          player: active.player?.name ?? active.player?.product ?? '',
          state: active.state ?? '',
          progress_percent:
            typeof active.progress_percent === 'number' ? active.progress_percent : null,
          poster:
            item.id && /^\d{1,12}$/.test(item.id)
              ? `/console/api/posters/${mcp.id}/${item.id}`
              : null,
        });
      }
    }),
  );
  return result;
}

/** The event stream route. */
export function createNowPlaying(options: {
  sessions: Sessions;
  frontDoor: FrontDoorFetch;
  intervalMs?: number;
}) {
  const { sessions, frontDoor } = options;
  const interval = options.intervalMs ?? NOW_PLAYING_INTERVAL_MS;
  return (c: Context<FrontDoorEnv>): Response => {
    const id = sessionCookie(c);
    if (!sessions.get(id)) return signedOut(c);
    const encoder = new TextEncoder();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let open = true;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: string, data: unknown) => {
          if (open)
            controller.enqueue(
              encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
            );
        };
        const end = () => {
          if (!open) return;
          open = false;
          controller.close();
        };
        const tick = async () => {
          const session = sessions.get(id);
          const found = session
            ? await snapshot(c, session, frontDoor).catch(() => undefined)
            : 'signed-out';
          if (!open) return;
          if (found === 'signed-out') {
            sessions.end(id);
            send('signed-out', {});
            return end();
          }
          if (found) send('sessions', found);
          timer = setTimeout(tick, interval);
        };
        c.req.raw.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          open = false;
        });
        void tick();
      },
      cancel() {
        clearTimeout(timer);
        open = false;
      },
    });
    return new Response(stream, {
      headers: secured(
        new Headers({
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          // Proxies that buffer would hold the events back.
          'x-accel-buffering': 'no',
        }),
      ),
    });
  };
}
