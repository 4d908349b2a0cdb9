import { seedBase, serverInfo } from './data/base.js';
import { seedDemoLibrary } from './data/demo.js';
import { seedLogs } from './data/logs.js';
import { createRng } from './data/rng.js';
import { seedSyntheticLibrary } from './data/synthetic.js';
import { Faults } from './faults/faults.js';
import { type DispatchDeps, dispatch } from './http/dispatch.js';
import { serveFetch } from './http/node-server.js';
import { Router } from './http/router.js';
import { plexTvRoutes, pmsRoutes } from './routes/index.js';
import { ActivityRunner } from './services/activities.js';
import { NotificationHub } from './services/notifications.js';
import { createServices } from './services/services.js';
import { EmulatorState } from './state/store.js';

/** Which library to load: the curated demo, N synthetic items, or nothing but the server. */
export type LibraryOption = 'demo' | 'empty' | `synthetic:${number}`;

/** Options for `createPlexEmulator`. Every field has a default. */
export interface PlexEmulatorOptions {
  /** The owner's token (server and plex.tv). Default `plex-emulator-token`. */
  token?: string;
  /** Default `demo`. */
  library?: LibraryOption;
  /** Seed for synthetic libraries and fault decisions. Default 1. */
  seed?: number;
  /** Clock in ms; pass a fixed one for repeatable timestamps. Default `Date.now`. */
  now?: () => number;
  /** Time between an activity's progress steps (scans, refreshes, butler tasks). Default 20 ms. */
  activityStepMs?: number;
  /** Answer 400 to `/all` requests without a container size, as newer PMS does. Default false. */
  requireContainerSize?: boolean;
  /** The server's `allowMediaDeletion` preference. Default true. */
  allowMediaDeletion?: boolean;
  /** Default `plex-emulator` followed by zeros: a 40-hex machine identifier. */
  machineIdentifier?: string;
  /** Default `Plex Emulator`. */
  friendlyName?: string;
  /** Path prefix serving the plex.tv endpoints. Default `/plex.tv`. */
  plexTvPath?: string;
}

/** A listening emulator. */
export interface ListeningEmulator {
  /** The PMS base URL, e.g. `http://127.0.0.1:32400`. */
  url: string;
  /** The plex.tv base URL on the same socket, e.g. `http://127.0.0.1:32400/plex.tv`. */
  plexTvUrl: string;
  port: number;
  close(): Promise<void>;
}

/** An in-memory Plex Media Server. */
export interface PlexEmulator {
  /** The owner's token. */
  readonly token: string;
  readonly machineIdentifier: string;
  /** Path prefix of the plex.tv endpoints (`/plex.tv`). */
  readonly plexTvPath: string;
  /** Everything the server remembers; tests read and change it directly. */
  readonly state: EmulatorState;
  /** Fault injection switches. */
  readonly faults: Faults;
  /** Server notifications, as sent on `/:/eventsource/notifications`. */
  readonly notifications: NotificationHub;
  /** Answers one request (mount it in msw, or call it directly). */
  fetch(request: Request): Promise<Response>;
  /** Serves on a real socket. Port 0 picks a free one. */
  listen(options?: { port?: number; host?: string }): Promise<ListeningEmulator>;
  /** Resolves once no scan, refresh or butler activity runs and socket fault switches took effect. */
  idle(): Promise<void>;
  /** Stops activities and every socket server this emulator started. */
  close(): Promise<void>;
}

const DEFAULT_MACHINE_ID = '5d3f2c1b0a9e8d7c6b5a493827161504f3e2d1c0';

/** Creates an emulator with its library loaded. */
export function createPlexEmulator(options: PlexEmulatorOptions = {}): PlexEmulator {
  const token = options.token ?? 'plex-emulator-token';
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const machineIdentifier = options.machineIdentifier ?? DEFAULT_MACHINE_ID;
  const plexTvPath = options.plexTvPath ?? '/plex.tv';
  const base = {
    token,
    machineIdentifier,
    friendlyName: options.friendlyName ?? 'Plex Emulator',
    allowMediaDeletion: options.allowMediaDeletion ?? true,
  };

  const state = new EmulatorState(serverInfo(base));
  const nowSeconds = Math.floor(now() / 1000);
  seedBase(state, base, nowSeconds);
  loadLibrary(state, options.library ?? 'demo', seed, nowSeconds);
  seedLogs(state, now());

  const hub = new NotificationHub();
  const activities = new ActivityRunner(state.activities, hub, options.activityStepMs ?? 20);
  const services = createServices({
    now,
    hub,
    activities,
    logs: state.logs,
    behaviour: { requireContainerSize: options.requireContainerSize ?? false, plexTvPath },
  });
  const faults = new Faults(createRng(seed ^ 0x5eed));
  const deps: DispatchDeps = {
    pms: new Router().add(pmsRoutes),
    plexTv: new Router().add(plexTvRoutes),
    state,
    services,
    faults,
  };
  const servers = new Set<{ close(): Promise<void> }>();
  // Socket suspends and resumes run in order; idle() waits for the last one.
  let reachability: Promise<unknown> = Promise.resolve();

  return {
    token,
    machineIdentifier,
    plexTvPath,
    state,
    faults,
    notifications: hub,
    fetch: (request) => dispatch(deps, request, 'fetch'),
    async listen(listenOptions = {}) {
      const host = listenOptions.host ?? '127.0.0.1';
      const server = await serveFetch((request) => dispatch(deps, request, 'socket'), {
        port: listenOptions.port ?? 0,
        host,
      });
      // "Unreachable" on a socket means refused connections, so stop listening while it holds.
      const unwatch = faults.onChange((config) => {
        const toggle = reachability.then(() =>
          config.unreachable ? server.suspend() : server.resume(),
        );
        reachability = toggle.catch(() => undefined);
      });
      const urlHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${urlHost}:${server.port}`;
      const handle = {
        close: async () => {
          unwatch();
          servers.delete(handle);
          await server.close();
        },
      };
      servers.add(handle);
      return { url, plexTvUrl: `${url}${plexTvPath}`, port: server.port, close: handle.close };
    },
    idle: async () => {
      await reachability;
      await activities.idle();
    },
    async close() {
      activities.dispose();
      await Promise.all([...servers].map((server) => server.close()));
    },
  };
}

function loadLibrary(
  state: EmulatorState,
  library: LibraryOption,
  seed: number,
  now: number,
): void {
  if (library === 'empty') return;
  if (library === 'demo') {
    seedDemoLibrary(state, now);
    return;
  }
  const count = Number(library.slice('synthetic:'.length));
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`library must be demo, empty or synthetic:<N>; got ${library}`);
  }
  seedSyntheticLibrary(state, { count, seed, now });
}
