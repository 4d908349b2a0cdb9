import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { readZip } from '../formats/unzip.js';
import type { LogFile } from '../state/types.js';
import { TEST_NOW_MS, testEmulator } from '../testing/harness.js';
import { seedLogs } from './logs.js';

describe('seedLogs', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('writes startup, scanner, transcoder and updater lines in order, before now', () => {
    emulator = testEmulator();
    const { state } = emulator;
    for (const file of Object.keys(state.logs) as LogFile[]) state.logs[file].length = 0;
    seedLogs(state, TEST_NOW_MS);

    for (const [file, lines] of Object.entries(state.logs)) {
      expect(lines.length, file).toBeGreaterThan(0);
      const times = lines.map((line) => line.at);
      expect(times, file).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times), file).toBeLessThan(TEST_NOW_MS);
    }
    const server = state.logs['Plex Media Server.log'].map((line) => line.message);
    expect(server[0]).toBe(
      `Plex Media Server v${state.server.version} - Linux x86_64 - build: linux-x86_64 debian - GMT 00:00`,
    );
    const scanner = state.logs['Plex Media Scanner.log'].map((line) => line.message).join('\n');
    for (const section of state.sections.values()) {
      expect(scanner).toContain(`Scanning section ${section.id} (${section.title})`);
    }
    const transcodes = [...state.sessions.values()].filter((session) => session.transcode);
    expect(state.logs['Plex Transcoder Statistics.log']).toHaveLength(
      Math.max(1, transcodes.length),
    );
    for (const session of transcodes) {
      expect(
        state.logs['Plex Transcoder Statistics.log'].map((l) => l.message).join('\n'),
      ).toContain(`Session ${session.id}: video`);
    }
    expect(state.logs['Plex Update Service.log'].map((line) => line.message)).toContain(
      `Found release ${state.server.updateAvailable!.version} (installed ${state.server.version})`,
    );
  });

  it('ends up in the log download', async () => {
    emulator = testEmulator({ library: 'empty' });
    seedLogs(emulator.state, TEST_NOW_MS);
    const response = await emulator.fetch(
      new Request('http://plex.test/diagnostics/logs', {
        headers: { 'X-Plex-Token': emulator.token },
      }),
    );
    const entries = readZip(new Uint8Array(await response.arrayBuffer()));
    const updater = entries.find((entry) => entry.name === 'Plex Update Service.log')!;
    expect(new TextDecoder().decode(updater.data)).toMatch(
      /INFO {2}- Checking for updates\.\.\.\n/,
    );
  });
});
