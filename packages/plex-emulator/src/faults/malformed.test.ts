import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { call, testEmulator } from '../testing/harness.js';

describe('malformed answers', () => {
  let emulator: PlexEmulator;
  afterEach(() => emulator.close());

  it('answers 200 with JSON cut off midway, which no JSON parser accepts', async () => {
    emulator = testEmulator();
    emulator.faults.set({ malformedRate: 1 });
    const answer = await call(emulator, '/library/sections');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.text.startsWith('{"MediaContainer":')).toBe(true);
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it('answers 200 with an HTML sign-in page when asked for html', async () => {
    emulator = testEmulator();
    emulator.faults.set({ malformedRate: 1, malformedBody: 'html' });
    const answer = await call(emulator, '/identity');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.text).toContain('<title>Sign in</title>');
  });

  it('keeps to the path prefix, skips the handler, and stops on reset', async () => {
    emulator = testEmulator();
    emulator.faults.set({ malformedRate: 1, pathPrefix: '/playlists' });
    expect((await call(emulator, '/identity')).json).toMatchObject({ MediaContainer: {} });
    // A malformed answer stands in for the handler, so the write behind it is not applied.
    const before = emulator.state.playlists.size;
    const created = await call(emulator, '/playlists', {
      method: 'POST',
      query: { type: 'video', title: 'Never', smart: 0, uri: 'library://x/item/1000' },
    });
    expect(created.status).toBe(200);
    expect(created.json).toBeUndefined();
    expect(emulator.state.playlists.size).toBe(before);
    emulator.faults.reset();
    expect((await call(emulator, '/playlists')).json).toMatchObject({ MediaContainer: {} });
  });
});
