import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { ROKU } from './testing.js';

describe('client_navigate', () => {
  it('sends each key to the Roku as its navigation command', async () => {
    const h = toolHarness();
    const keys = [
      ['up', 'moveUp'],
      ['down', 'moveDown'],
      ['left', 'moveLeft'],
      ['right', 'moveRight'],
      ['select', 'select'],
      ['back', 'back'],
      ['home', 'home'],
      ['context_menu', 'contextMenu'],
    ] as const;
    for (const [action, command] of keys) {
      expect(await h.data('client_navigate', { client: 'Living Room TV', action })).toEqual({
        player: { id: ROKU, name: 'Living Room TV' },
        action,
        sent: true,
      });
      expect(h.emulator.state.players.get(ROKU)?.lastNavigation).toBe(command);
    }
  });

  it('says clearly that the Kitchen iPad takes no navigation commands', async () => {
    const h = toolHarness();
    const result = await h.call('client_navigate', { client: 'Kitchen iPad', action: 'up' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Kitchen iPad does not take navigation commands (its capabilities: timeline, playback, playqueues, mirror). Pick another player from client_list.',
      },
    });
    expect(h.emulator.state.players.get('ipad-kt-19c2')?.lastNavigation).toBeUndefined();
  });

  it('rejects an unknown key and an unknown player', async () => {
    const h = toolHarness();
    expect(await h.call('client_navigate', { client: ROKU, action: 'jump' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const result = await h.call('client_navigate', { client: 'tv-9', action: 'up' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('"Kitchen iPad" (id ipad-kt-19c2)');
  });
});
