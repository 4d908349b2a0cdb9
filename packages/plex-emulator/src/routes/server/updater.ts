import { HttpError, type RequestContext, requireOwner } from '../../http/context.js';
import { container, emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import {
  canInstall,
  lastCheckedAt,
  recordUpdateCheck,
  releaseKey,
  releaseState,
  setReleaseState,
} from './updater-state.js';

const BUILDS: Record<string, string> = {
  Windows: 'build=windows-x86_64&distro=windows',
  MacOSX: 'build=darwin-x86_64&distro=macosx',
};

/**
 * The download link PMS shows. PMS itself masks the token in it with x's, so the emulator does
 * the same and never has a real token to leak.
 */
function downloadUrl(state: EmulatorState): string {
  const build = BUILDS[state.server.platform] ?? 'build=linux-x86_64&distro=debian';
  return `https://plex.tv/downloads/latest/5?channel=16&${build}&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx`;
}

const ADDED = [
  '(Library) Collections can be sorted by the date their newest item was added',
  '(Transcoder) Support for hardware tone mapping on more Intel GPUs',
].join('\n');

const FIXED = [
  '(Butler) Scheduled tasks could run outside the configured maintenance window',
  '(Playlists) Moving an item to the end of a long playlist could fail',
  '(Statistics) Bandwidth graphs could double count paused sessions',
].join('\n');

function status(ctx: RequestContext): Response {
  requireOwner(ctx);
  const { state } = ctx;
  const update = state.server.updateAvailable;
  const url = update ? downloadUrl(state) : undefined;
  return container(
    {
      autoUpdateVersion: 1,
      canInstall: canInstall(state),
      checkedAt: lastCheckedAt(state, ctx.services.nowSeconds()),
      downloadURL: url,
      status: 0,
      Release: update
        ? [
            {
              key: releaseKey(update.version),
              version: update.version,
              added: ADDED,
              fixed: FIXED,
              downloadURL: url,
              state: releaseState(state),
            },
          ]
        : [],
    },
    'Release',
  );
}

/** A `0`/`1` flag from the query (absent is 0); anything else is a 400. */
function flag(ctx: RequestContext, name: string): boolean {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new HttpError(400, `${name} must be 0 or 1`);
}

/**
 * `PUT /updater/apply`: `tonight` wins over `skip` (official API). Installing needs a platform
 * PMS updates itself on (400 elsewhere) and an update to install (500: nothing to start).
 */
function apply(ctx: RequestContext): Response {
  requireOwner(ctx);
  const { state, services } = ctx;
  const tonight = flag(ctx, 'tonight');
  const skip = flag(ctx, 'skip');
  const update = state.server.updateAvailable;
  if (skip && !tonight) {
    if (!update) throw new HttpError(500, 'no release to skip');
    setReleaseState(state, services, 'skipped');
    services.log('Plex Update Service.log', 'INFO', `Skipping release ${update.version}`);
    return emptyOk();
  }
  if (!canInstall(state)) throw new HttpError(400, 'this system cannot install updates');
  if (!update) throw new HttpError(500, 'no release to install');
  setReleaseState(state, services, tonight ? 'tonight' : 'installing');
  services.log(
    'Plex Update Service.log',
    'INFO',
    tonight
      ? `Release ${update.version} will be installed during the next maintenance window`
      : `Installing release ${update.version}`,
  );
  return emptyOk();
}

/** The updater: `GET /updater/status`, `PUT /updater/check?download=`, `PUT /updater/apply`. */
export const updaterRoutes: Route[] = [
  { method: 'GET', path: '/updater/status', handler: status },
  {
    method: 'PUT',
    path: '/updater/check',
    handler: (ctx) => {
      requireOwner(ctx);
      recordUpdateCheck(ctx.state, ctx.services, flag(ctx, 'download'));
      return emptyOk();
    },
  },
  { method: 'PUT', path: '/updater/apply', handler: apply },
];
