import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing } from '../../testing/refuse.js';

const NOTLD_4K =
  '/data/media/movies/Night of the Living Dead (1968)/Night of the Living Dead (1968) - 2160p.mkv';
const NOTLD_1080 =
  '/data/media/movies/Night of the Living Dead (1968)/Night of the Living Dead (1968) - 1080p.mkv';

describe('media_delete', () => {
  it('says which files would be lost until confirm is the exact title', async () => {
    const h = toolHarness();
    for (const confirm of [undefined, 'night of the living dead', 'yes']) {
      const result = await h.call('media_delete', { media_id: 1000, confirm });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'CONFIRMATION_REQUIRED',
          details: {
            target: { id: '1000', title: 'Night of the Living Dead', type: 'movie', year: 1968 },
            files: [NOTLD_4K, NOTLD_1080],
            file_count: 2,
            size_bytes: 16_542_720_000,
          },
        },
      });
      if (!result.ok) {
        expect(result.error.message).toContain('Deleting "Night of the Living Dead" (movie, 1968');
        expect(result.error.message).toContain(NOTLD_4K);
        expect(result.error.message).toContain('confirm: "Night of the Living Dead"');
      }
    }
    // Nothing was deleted.
    expect(h.emulator.state.items.has('1000')).toBe(true);
  });

  it('deletes the item and its files once confirmed; it is gone afterwards', async () => {
    const h = toolHarness();
    const data = await h.data('media_delete', {
      media_id: '1000',
      confirm: 'Night of the Living Dead',
    });
    expect(data).toEqual({
      deleted: {
        id: '1000',
        title: 'Night of the Living Dead',
        type: 'movie',
        year: 1968,
        library: 'Movies',
      },
      files: [NOTLD_4K, NOTLD_1080],
      file_count: 2,
      size_bytes: 16_542_720_000,
    });
    expect(await h.call('media_get_details', { media: '1000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it("lists a show's episode files before deleting the whole show", async () => {
    const h = toolHarness();
    const result = await h.call('media_delete', { media_id: 1019 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', details: { file_count: 6 } },
    });
    if (!result.ok) {
      expect(result.error.message).toContain('6 files');
      expect(result.error.message).toContain('and 1 more');
    }
    await h.data('media_delete', { media_id: 1019, confirm: 'The Beverly Hillbillies' });
    const left = await h.data('media_search', { query: 'Beverly Hillbillies' });
    expect(left.results).toEqual([]);
  });

  it('fails clearly when the server disallows deletion', async () => {
    const h = toolHarness({ allowMediaDeletion: false });
    const result = await h.call('media_delete', { media_id: 1002, confirm: 'Charade' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_ERROR' } });
    if (!result.ok) expect(result.error.message).toContain('Allow media deletion');
    expect(h.emulator.state.items.has('1002')).toBe(true);
  });

  it('maps a refusal from Plex itself to the same hint', async () => {
    const h = toolHarness();
    const deletion = h.emulator.state.prefs.find((pref) => pref.id === 'allowMediaDeletion');
    // The server's info claims deletion is allowed, but the refusal comes when deleting.
    const info = h.plex.server.info.bind(h.plex.server);
    h.plex.server.info = async (options) => {
      const result = await info(options);
      if (deletion) deletion.value = false;
      return result;
    };
    const result = await h.call('media_delete', { media_id: 1002, confirm: 'Charade' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_ERROR' } });
    if (!result.ok) expect(result.error.message).toContain('Allow media deletion');
  });

  it('takes ids only, and refuses collections and unknown ids', async () => {
    const h = toolHarness();
    expect(
      await h.call('media_delete', { media_title: 'Charade', confirm: 'Charade' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('media_delete', { media_id: 31337, confirm: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const collection = [...h.emulator.state.items.values()].find((i) => i.type === 'collection');
    expect(
      await h.call('media_delete', { media_id: collection?.ratingKey, confirm: collection?.title }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('media_delete when the server info is refused', () => {
  it('deletes once confirmed, warning that the setting could not be checked first', async () => {
    const h = harnessRefusing(['/']);
    const data = await h.data('media_delete', { media_id: 1002, confirm: 'Charade' });
    expect(data).toMatchObject({ deleted: { id: '1002', title: 'Charade' } });
    expect(data.warnings).toEqual(['media deletion setting unavailable: Plex refused (403)']);
    expect(await h.call('media_get_details', { media: '1002' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('reports no deletion when deletion is off and the setting was unreadable', async () => {
    const h = harnessRefusing(['/'], 403, { allowMediaDeletion: false });
    const result = await h.call('media_delete', { media_id: 1002, confirm: 'Charade' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_ERROR' } });
    expect(await h.data('media_get_details', { media: '1002' })).toMatchObject({
      title: 'Charade',
    });
  });
});
