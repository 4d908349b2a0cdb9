import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { readZip } from '../../formats/unzip.js';
import { call, testEmulator } from '../../testing/harness.js';

/** `Nov 22, 2025 12:00:00.000 [0x7f3c2a1b6b38] DEBUG - message`, as formatLogLine writes. */
const LOG_LINE =
  /^[A-Z][a-z]{2} \d{2}, \d{4} \d{2}:\d{2}:\d{2}\.\d{3} \[0x[0-9a-f]+\] (DEBUG|INFO |WARN |ERROR) - .+$/;

async function downloadLogs(emulator: PlexEmulator, token = emulator.token) {
  const response = await emulator.fetch(
    new Request('http://plex.test:32400/diagnostics/logs', { headers: { 'X-Plex-Token': token } }),
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes };
}

function filesOf(bytes: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder();
  return Object.fromEntries(
    readZip(bytes).map((entry) => [entry.name, decoder.decode(entry.data)]),
  );
}

describe('GET /diagnostics/logs', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator?.close());

  it('answers a ZIP of the four log files with the name python-plexapi reads', async () => {
    emulator = testEmulator({ library: 'empty' });
    const { response, bytes } = await downloadLogs(emulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Plex Media Server Logs_2025-11-22_12-00-00.zip"',
    );
    expect(Object.keys(filesOf(bytes))).toEqual([
      'Plex Media Server.log',
      'Plex Media Scanner.log',
      'Plex Transcoder Statistics.log',
      'Plex Update Service.log',
    ]);
  });

  it('contains the request lines of earlier requests, formatted as PMS logs', async () => {
    emulator = testEmulator({ library: 'empty' });
    await call(emulator, '/:/prefs/get', { query: { id: 'FriendlyName' } });
    await call(emulator, '/butler/NoSuchTask', { method: 'POST' });
    const server = filesOf((await downloadLogs(emulator)).bytes)['Plex Media Server.log']!;
    const lines = server.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(LOG_LINE);
    expect(server).toContain('GET /:/prefs/get?id=FriendlyName (Signed-in Token (demo_owner))');
    expect(server).toContain('POST /butler/NoSuchTask');
    expect(server).toMatch(/WARN {2}- no butler task NoSuchTask \(404\)/);
    expect(server.endsWith('\n')).toBe(true);
  });

  it('never contains a token, even one a request put in its URL or a handler logged', async () => {
    emulator = testEmulator({ library: 'empty' });
    const friend = emulator.state.accounts.get(3)!;
    await call(emulator, '/identity', { token: null, query: { 'X-Plex-Token': emulator.token } });
    await call(emulator, '/accounts', {
      token: null,
      query: { 'X-Plex-Token': friend.serverToken },
    });
    emulator.state.logs['Plex Media Scanner.log'].push({
      at: Date.UTC(2025, 10, 22, 11, 0, 0),
      level: 'ERROR',
      message: `fetch failed for http://x/?X-Plex-Token=${emulator.token}&other=${friend.plexTvToken}`,
    });
    const { bytes } = await downloadLogs(emulator);
    const text = Object.values(filesOf(bytes)).join('\n');
    expect(text).toContain('GET /identity?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx');
    expect(text).toContain('fetch failed for http://x/?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx&other=');
    for (const secret of [emulator.token, friend.serverToken, friend.plexTvToken]) {
      expect(text).not.toContain(secret);
    }
  });

  it('is for the admin', async () => {
    emulator = testEmulator({ library: 'empty' });
    expect((await call(emulator, '/diagnostics/logs', { token: null })).status).toBe(401);
    const friend = emulator.state.accounts.get(3)!.serverToken;
    expect((await downloadLogs(emulator, friend)).response.status).toBe(403);
  });
});
