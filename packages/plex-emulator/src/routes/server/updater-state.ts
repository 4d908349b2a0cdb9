import type { Services } from '../../services/services.js';
import type { EmulatorState } from '../../state/store.js';

/** `Release.state` values PMS reports (official API 1.2.2). */
export type ReleaseState =
  | 'available'
  | 'downloading'
  | 'downloaded'
  | 'installing'
  | 'tonight'
  | 'skipped'
  | 'error'
  | 'notify'
  | 'done';

/** PMS installs its own updates only on Windows and macOS; elsewhere it just notifies. */
export function canInstall(state: EmulatorState): boolean {
  return state.server.platform === 'Windows' || state.server.platform === 'MacOSX';
}

/**
 * When updates were last checked: the last API check, or else the most recent start of the
 * butler window (`ButlerStartHour`, UTC), when the AutomaticUpdates task checks every day.
 */
export function lastCheckedAt(state: EmulatorState, now: number): number {
  const stored = state.server.updateCheckedAt;
  if (stored !== undefined) return stored;
  const hour = Number(state.prefs.find((setting) => setting.id === 'ButlerStartHour')?.value ?? 2);
  const day = now - (now % 86400);
  const windowStart = day + hour * 3600;
  return windowStart <= now ? windowStart : windowStart - 86400;
}

/** The state of the available release, if there is one. */
export function releaseState(state: EmulatorState): ReleaseState | undefined {
  const update = state.server.updateAvailable;
  if (!update) return undefined;
  const release = state.server.updateRelease;
  if (release && release.version === update.version) return release.state as ReleaseState;
  return canInstall(state) ? 'available' : 'notify';
}

/** plex.tv's page for a release, keyed by the build number in its version. */
export function releaseKey(version: string): string {
  const build = /^\d+\.\d+\.\d+\.(\d+)/.exec(version)?.[1] ?? '0';
  return `https://plex.tv/updater/releases/${build}`;
}

/**
 * Sets the available release's state and announces it with the `update.statechange`
 * notification PMS sends (no-op when no update is available).
 */
export function setReleaseState(
  state: EmulatorState,
  services: Services,
  next: ReleaseState,
): void {
  const update = state.server.updateAvailable;
  if (!update) return;
  state.server.updateRelease = { version: update.version, state: next };
  services.notify({
    type: 'update.statechange',
    element: 'AutoUpdateNotification',
    entries: [{ key: releaseKey(update.version), version: update.version, state: next }],
  });
}

/** Records an update check (and a download when asked and possible), and logs it as PMS does. */
export function recordUpdateCheck(
  state: EmulatorState,
  services: Services,
  download: boolean,
): void {
  state.server.updateCheckedAt = services.nowSeconds();
  const update = state.server.updateAvailable;
  const file = 'Plex Update Service.log';
  services.log(file, 'INFO', 'Checking for updates...');
  if (!update) {
    services.log(file, 'INFO', `No update available; ${state.server.version} is the latest`);
    return;
  }
  services.log(file, 'INFO', `Found release ${update.version}`);
  if (download && canInstall(state) && releaseState(state) === 'available') {
    setReleaseState(state, services, 'downloaded');
    services.log(file, 'INFO', `Downloaded release ${update.version}`);
  }
}
