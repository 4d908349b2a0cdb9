import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_get_artwork', () => {
  it('attaches the poster resized to 500 px wide, with a token-free URL', async () => {
    const h = toolHarness();
    const result = await h.call('media_get_artwork', { media: 'Charade' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.images).toHaveLength(1);
    const image = result.images[0]!;
    expect(image.mimeType).toBe('image/png');
    expect(result.data).toMatchObject({
      id: '1002',
      title: 'Charade',
      art_type: 'poster',
      mime_type: 'image/png',
      size_bytes: image.data.length,
      width: 500,
    });
    const url = new URL(result.data.url as string);
    expect(url.pathname).toBe('/photo/:/transcode');
    expect(url.searchParams.get('width')).toBe('500');
    expect(url.searchParams.get('url')).toMatch(/^\/library\/metadata\/1002\/thumb/);
    expect(url.searchParams.get('X-Plex-Token')).toBe('REDACTED');
    const json = JSON.stringify(result.data);
    expect(json).not.toContain(h.emulator.token);
    expect(json.length).toBeLessThan(1000);
  });

  it('fetches the background at the width asked for', async () => {
    const h = toolHarness();
    const result = await h.call('media_get_artwork', {
      media: '1000',
      art_type: 'background',
      max_width: 320,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { art_type: 'background', width: 320, height: 180 },
    });
  });

  it("fetches a show's banner, and says when an item has none", async () => {
    const h = toolHarness();
    const banner = await h.call('media_get_artwork', { media: '1019', art_type: 'banner' });
    expect(banner).toMatchObject({ ok: true, data: { art_type: 'banner', width: 500 } });
    if (banner.ok) expect(banner.images).toHaveLength(1);
    const none = await h.call('media_get_artwork', { media: '1002', art_type: 'logo' });
    expect(none).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: '"Charade" has no logo. See media_list_available_artwork for candidates.',
      },
    });
  });

  it('reports ambiguity, unknown items and bad sizes', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_artwork', { media: 'Sherlock Holmes' })).toMatchObject({
      ok: false,
      error: { code: 'AMBIGUOUS' },
    });
    expect(await h.call('media_get_artwork', { media: '123456' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const bad of [{ max_width: 0 }, { max_width: 5000 }, { art_type: 'thumb' }]) {
      expect(await h.call('media_get_artwork', { media: '1002', ...bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
