import { afterAll, describe, expect, it } from 'vitest';
import { call, testEmulator } from '../testing/harness.js';

const emulator = testEmulator();
afterAll(() => emulator.close());

describe('lists that page only when the client asks for a window', () => {
  it('answer the whole list without offset or totalSize when no window is asked', async () => {
    const res = await call(emulator, '/library/sections/all');
    const mc = res.json.MediaContainer;
    expect(mc.size).toBe(3);
    expect(mc.Directory).toHaveLength(3);
    expect(mc.offset).toBeUndefined();
    expect(mc.totalSize).toBeUndefined();
    expect(res.headers.get('X-Plex-Container-Total-Size')).toBeNull();
  });

  it('cut the asked window and report where it sits, in the body and the headers', async () => {
    const res = await call(emulator, '/library/sections/all', {
      headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '1' },
    });
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({ size: 1, offset: 1, totalSize: 3 });
    expect(mc.Directory.map((d: { title: string }) => d.title)).toEqual(['TV Shows']);
    expect(res.headers.get('X-Plex-Container-Start')).toBe('1');
    expect(res.headers.get('X-Plex-Container-Total-Size')).toBe('3');
  });

  it('page hub lists and item pages the same way (query parameters work too)', async () => {
    const hubs = await call(emulator, '/hubs', {
      query: { 'X-Plex-Container-Start': 0, 'X-Plex-Container-Size': 2 },
    });
    const all = await call(emulator, '/hubs');
    expect(hubs.json.MediaContainer).toMatchObject({
      size: 2,
      offset: 0,
      totalSize: all.json.MediaContainer.Hub.length,
    });
    expect(hubs.json.MediaContainer.Hub).toEqual(all.json.MediaContainer.Hub.slice(0, 2));
    const keys = [...emulator.state.items.keys()].slice(0, 3).join(',');
    const items = await call(emulator, `/library/metadata/${keys}`, {
      headers: { 'X-Plex-Container-Start': '2', 'X-Plex-Container-Size': '5' },
    });
    expect(items.json.MediaContainer).toMatchObject({ size: 1, offset: 2, totalSize: 3 });
  });
});
