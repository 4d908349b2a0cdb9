import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';

describe('server_get_info', () => {
  it('describes the server and the update waiting for it', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_info');
    const { server } = h.emulator.state;
    expect(data).toMatchObject({
      name: 'Plex Emulator',
      version: server.version,
      platform: 'Linux',
      machine_id: h.emulator.machineIdentifier,
      myplex: { signed_in: true, username: server.myPlexUsername, signin_state: 'ok' },
      transcoder: { video: true, audio: true, active_video_sessions: 1 },
      allow_media_deletion: true,
      update: {
        available: true,
        version: server.updateAvailable?.version,
        state: 'notify',
        can_install: false,
      },
    });
    expect(data.transcoder.video_resolutions).toEqual([128, 160, 240, 320, 480, 720, 768, 1080]);
    expect(data.update?.checked_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(data.update?.fixed).toHaveLength(3);
  });

  it('never carries a token, not even the masked one of the download link', async () => {
    const h = toolHarness();
    const text = JSON.stringify(await h.data('server_get_info'));
    expect(text).not.toContain(h.emulator.token);
    expect(text).not.toMatch(/token/i);
  });

  it('says there is no update when the server is current', async () => {
    const h = toolHarness();
    h.emulator.state.server.updateAvailable = null;
    expect((await h.data('server_get_info')).update).toEqual({
      available: false,
      can_install: false,
      checked_at: expect.any(String),
    });
  });

  it('still answers for an account that may not read the updater', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken;
    const h = toolHarness({}, { token: alex ?? '' });
    const data = await h.data('server_get_info');
    expect(data.name).toBe('Plex Emulator');
    expect(data.update).toBeNull();
    expect(data.warnings).toEqual(['update status unavailable: Plex refused (403)']);
  });

  it('answers without the update part when the updater is refused, and only then warns', async () => {
    const h = toolHarness();
    expect(await h.data('server_get_info')).not.toHaveProperty('warnings');
    h.emulator.faults.set({ pathPrefix: '/updater/', errorRate: 1, errorStatus: 404 });
    const data = await h.data('server_get_info');
    expect(data).toMatchObject({ name: 'Plex Emulator', update: null });
    expect(data.warnings).toEqual(['update status unavailable: not offered by this server (404)']);
  });

  it('still fails when the server info itself is refused', async () => {
    // Only `/` is refused: the updater answering alone must not make a result.
    const h = harnessRefusing(['/']);
    expect(await h.call('server_get_info')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reports Plex being down as PLEX_UNREACHABLE', async () => {
    const h = toolHarness();
    h.emulator.faults.set({ unreachable: true });
    expect(await h.call('server_get_info')).toMatchObject({
      ok: false,
      error: { code: 'PLEX_UNREACHABLE' },
    });
  });
});
