import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { spawnBin, stopProcess, waitForLine } from './scale-proc.js';

/** The emulator bin running as a process of its own, as a Plex on the LAN does. */
export interface EmulatorProcess {
  url: string;
  plexTvUrl: string;
  token: string;
  /** Environment that points the built server at it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts `plex-emulator` (demo library, no latency) in its own process, so that its work is
 * billed neither to the server under test nor to the bench, and every Plex request crosses a
 * process boundary as it does against a real server.
 */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const token = randomBytes(12).toString('hex');
  const child: ChildProcess = spawnBin('packages/plex-emulator/bin/plex-emulator.js', [
    '--port',
    '0',
    '--token',
    token,
  ]);
  try {
    const [, url = ''] = await waitForLine(child, 'stdout', /^(http:\/\/\S+)$/m, 30_000);
    child.stdout?.resume();
    child.stderr?.resume();
    const plexTvUrl = `${url}/plex.tv`;
    return {
      url,
      plexTvUrl,
      token,
      env: { PLEX_URL: url, PLEX_TOKEN: token, PLEX_TV_URL: plexTvUrl },
      close: () => stopProcess(child),
    };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}
