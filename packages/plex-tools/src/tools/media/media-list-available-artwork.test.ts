import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_list_available_artwork', () => {
  it("lists a movie's poster candidates with the selected one marked", async () => {
    const h = toolHarness();
    const data = await h.data('media_list_available_artwork', {
      media: 'Night of the Living Dead',
    });
    expect(data).toMatchObject({
      id: '1000',
      title: 'Night of the Living Dead',
      art_type: 'poster',
    });
    expect(data.candidates).toEqual([
      {
        key: 'metadata://posters/com.plexapp.agents.themoviedb_d5ac5f1944a1f345',
        provider: 'com.plexapp.agents.themoviedb',
        selected: true,
      },
      {
        key: 'metadata://posters/com.plexapp.agents.themoviedb_d4ac5d86cf907e9c',
        provider: 'com.plexapp.agents.themoviedb',
        selected: false,
      },
      { key: 'metadata://posters/local_d3ac5bf3dda99e62', provider: 'local', selected: false },
    ]);
  });

  it("lists a show's banners and backgrounds", async () => {
    const h = toolHarness();
    const banners = await h.data('media_list_available_artwork', {
      media: '1019',
      art_type: 'banner',
    });
    expect(banners.candidates).toEqual([
      expect.objectContaining({ provider: 'com.plexapp.agents.thetvdb', selected: true }),
    ]);
    const backgrounds = await h.data('media_list_available_artwork', {
      media: '1019',
      art_type: 'background',
    });
    expect(backgrounds.candidates).toHaveLength(2);
    for (const candidate of backgrounds.candidates)
      expect(candidate.key).toMatch(/^metadata:\/\/art\//);
  });

  it('gives an empty list for a slot without images', async () => {
    const h = toolHarness();
    expect(
      await h.data('media_list_available_artwork', { media: '1002', art_type: 'logo' }),
    ).toMatchObject({ candidates: [] });
  });

  it('reports ambiguity, unknown items and unknown slots', async () => {
    const h = toolHarness();
    expect(
      await h.call('media_list_available_artwork', { media: 'Sherlock Holmes' }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(await h.call('media_list_available_artwork', { media: '4242' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await h.call('media_list_available_artwork', { media: '1002', art_type: 'fanart' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
