import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS, toolHarness } from '../../testing/harness.js';
import { maskTokens } from './server-get-plex-logs.js';

describe('server_get_plex_logs', () => {
  it('returns the tail of the server log by default', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_plex_logs');
    expect(data).toMatchObject({
      log_type: 'server',
      file: 'Plex Media Server.log',
      truncated: false,
    });
    const lines = data.lines as string[];
    expect(data.returned).toBe(lines.length);
    expect(data.total_lines).toBe(lines.length);
    expect(lines[0]).toContain(`Plex Media Server v${h.emulator.state.server.version}`);
  });

  it('keeps the last num_lines lines, oldest first', async () => {
    const h = toolHarness();
    const all = (await h.data('server_get_plex_logs')).lines as string[];
    const data = await h.data('server_get_plex_logs', { log_type: 'server', num_lines: 3 });
    expect(data.lines).toHaveLength(3);
    // The server logs each download, so this call's own request is the newest line.
    expect((data.lines as string[]).slice(0, 2)).toEqual(all.slice(-2));
    expect((data.lines as string[])[2]).toContain('GET /diagnostics/logs');
    expect(data).toMatchObject({ returned: 3, truncated: true });
    expect(data.matched).toBe(data.total_lines);
  });

  it('filters the chosen log by search term, case-insensitively, before taking the tail', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_plex_logs', {
      log_type: 'scanner',
      search_term: 'FINISHED',
      num_lines: 2,
    });
    expect(data).toMatchObject({
      file: 'Plex Media Scanner.log',
      returned: 2,
      matched: 3,
      total_lines: 9,
      truncated: true,
    });
    expect(data.lines).toEqual([
      expect.stringMatching(/INFO {2}- Finished scanning section 2 \(TV Shows\)$/),
      expect.stringMatching(/INFO {2}- Finished scanning section 3 \(Music\)$/),
    ]);
  });

  it('reads the updater log, which tells of the waiting release', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_plex_logs', {
      log_type: 'updater',
      search_term: 'release',
    });
    expect(data.lines).toEqual([
      expect.stringContaining(`Found release ${h.emulator.state.server.updateAvailable?.version}`),
    ]);
  });

  it('answers an empty list when nothing matches', async () => {
    const h = toolHarness();
    expect(
      await h.data('server_get_plex_logs', { log_type: 'transcoder', search_term: 'nope' }),
    ).toMatchObject({ lines: [], returned: 0, matched: 0, total_lines: 1, truncated: false });
  });

  it('never returns a token, even when a line logged one', async () => {
    const h = toolHarness();
    const owner = h.emulator.state.accounts.get(1);
    const secret = owner?.serverToken ?? h.emulator.token;
    const log = h.emulator.state.logs['Plex Media Server.log'];
    const at = TEST_NOW_MS - 1000;
    log.push({ at, level: 'DEBUG', message: `Request: GET /library?X-Plex-Token=${secret}` });
    log.push({ at, level: 'DEBUG', message: `Auth header X-Plex-Token: ${h.emulator.token}` });
    // A token the server itself did not recognise (so did not mask): the tool masks it.
    log.push({ at, level: 'DEBUG', message: 'Relay: GET /x?X-Plex-Token=zzUnknownToken123&a=1' });
    const data = await h.data('server_get_plex_logs', { search_term: 'token' });
    const text = JSON.stringify(data);
    expect(data.returned).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(h.emulator.token);
    expect(text).not.toContain('zzUnknownToken123');
    expect(text).toContain('X-Plex-Token=xxxxxxxxxxxxxxxxxxxx&a=1');
  });

  it('refuses bad arguments', async () => {
    const h = toolHarness();
    for (const args of [{ num_lines: 0 }, { num_lines: 5000 }, { log_type: 'kernel' }]) {
      expect(await h.call('server_get_plex_logs', args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('is FORBIDDEN for an account other than the owner', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken ?? '';
    const h = toolHarness({}, { token: alex });
    expect(await h.call('server_get_plex_logs')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('maskTokens', () => {
  it('masks token values in queries, headers and JSON, and leaves masked ones alone', () => {
    expect(maskTokens('GET /a?X-Plex-Token=abc123&b=2')).toBe(
      'GET /a?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx&b=2',
    );
    expect(maskTokens('{"token":"abc123"}')).toBe('{"token":"xxxxxxxxxxxxxxxxxxxx"}');
    expect(maskTokens('X-Plex-Token: abc123')).toBe('X-Plex-Token: xxxxxxxxxxxxxxxxxxxx');
    expect(maskTokens('X-Plex-Token=xxxxxxxxxxxxxxxxxxxx')).toBe(
      'X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
    );
    expect(maskTokens('Signed-in Token (demo_owner)')).toBe('Signed-in Token (demo_owner)');
  });
});
