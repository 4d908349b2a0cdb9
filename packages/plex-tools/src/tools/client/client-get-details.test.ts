import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

function ratingKeyOf(h: ReturnType<typeof toolHarness>, title: string): string {
  const item = [...h.emulator.state.items.values()].find((entry) => entry.title === title);
  if (!item) throw new Error(`no item ${title}`);
  return item.ratingKey;
}

describe('client_get_details', () => {
  it('shows the Roku by name, case-insensitively, with what it plays', async () => {
    const h = toolHarness();
    const data = await h.data('client_get_details', { client: 'living room tv' });
    expect(data).toMatchObject({
      id: 'roku-lr-7f3a',
      name: 'Living Room TV',
      state: 'playing',
      location: 'fullScreenVideo',
      capabilities: expect.arrayContaining(['navigation']),
      now_playing: {
        type: 'video',
        state: 'playing',
        item: { id: ratingKeyOf(h, 'Charade'), title: 'Charade', type: 'movie' },
        position_ms: 2_472_000,
      },
    });
  });

  it('shows an idle player by id, with its device facts', async () => {
    const h = toolHarness();
    const data = await h.data('client_get_details', { client: 'ipad-kt-19c2' });
    expect(data).toEqual({
      id: 'ipad-kt-19c2',
      name: 'Kitchen iPad',
      product: 'Plex for iOS',
      device_class: 'tablet',
      capabilities: ['timeline', 'playback', 'playqueues', 'mirror'],
      version: '2024.22.0',
      address: '192.168.1.52',
      port: 32500,
      protocol_version: 1,
      state: 'idle',
      location: 'navigation',
    });
  });

  it('names the players there are when the player is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('client_get_details', { client: 'Bedroom TV' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        'No player with id or name "Bedroom TV" is reachable (client_list shows them). Players: "Living Room TV" (id roku-lr-7f3a), "Kitchen iPad" (id ipad-kt-19c2).',
      );
    expect(await h.call('client_get_details', { client: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('asks for a player when none is given', async () => {
    const h = toolHarness();
    expect(await h.call('client_get_details', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('is AMBIGUOUS when two players share a name', async () => {
    const h = toolHarness();
    const ipad = h.emulator.state.players.get('ipad-kt-19c2');
    if (!ipad) throw new Error('no iPad');
    ipad.name = 'Living Room TV';
    const result = await h.call('client_get_details', { client: 'Living Room TV' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        details: {
          candidates: [
            { id: 'roku-lr-7f3a', name: 'Living Room TV' },
            { id: 'ipad-kt-19c2', name: 'Living Room TV' },
          ],
        },
      },
    });
  });
});
