import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';
import { harnessRefusing, readBackOf } from '../../testing/refuse.js';

describe('media_edit_metadata', () => {
  it('sets fields and locks them, as a later read shows', async () => {
    const h = toolHarness();
    const data = await h.data('media_edit_metadata', {
      media: 'Charade',
      summary: 'A widow in Paris is chased for a fortune.',
      sort_title: 'Charade 1963',
      originally_available_at: '1963-12-05',
    });
    expect(data).toEqual({
      id: '1002',
      title: 'Charade',
      type: 'movie',
      changed: {
        summary: 'A widow in Paris is chased for a fortune.',
        sort_title: 'Charade 1963',
        originally_available_at: '1963-12-05',
      },
      locked: true,
    });
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after).toMatchObject({
      summary: 'A widow in Paris is chased for a fortune.',
      sort_title: 'Charade 1963',
      originally_available_at: '1963-12-05',
    });
    expect(after.locked_fields).toEqual(
      expect.arrayContaining(['summary', 'titleSort', 'originallyAvailableAt']),
    );
  });

  it('adds and removes tags, keeping the others', async () => {
    const h = toolHarness();
    const data = await h.data('media_edit_metadata', {
      media: '1000',
      add_tags: ['genre:Cult', 'genre:horror', 'label:Double Feature'],
      remove_tags: ['genre:Thriller', 'label:Halloween'],
    });
    expect(data.changed).toEqual({
      genres: ['Horror', 'Cult'],
      labels: ['4K Restoration', 'Double Feature'],
    });
    const after = await h.data('media_get_details', { media: '1000' });
    expect(after).toMatchObject({
      genres: ['Horror', 'Cult'],
      labels: ['4K Restoration', 'Double Feature'],
    });
    expect(after.locked_fields).toEqual(expect.arrayContaining(['genre', 'label']));
  });

  it('renames without locking when lock is false, sets the rating and clears a field', async () => {
    const h = toolHarness();
    const data = await h.data('media_edit_metadata', {
      media: '1002',
      title: 'Charade (1963)',
      tagline: '',
      user_rating: 7,
      lock: false,
    });
    expect(data).toMatchObject({
      title: 'Charade (1963)',
      changed: { title: 'Charade (1963)', tagline: null, user_rating: 7 },
      locked: false,
    });
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after).toMatchObject({ title: 'Charade (1963)', ratings: { user: 7 } });
    expect(after.tagline).toBeUndefined();
    expect(after.locked_fields).not.toContain('title');
  });

  it('refuses an edit that changes nothing, and bad values', async () => {
    const h = toolHarness();
    expect(await h.call('media_edit_metadata', { media: '1002' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Nothing to edit') },
    });
    expect(
      await h.call('media_edit_metadata', {
        media: '1002',
        add_tags: ['genre:  '],
        remove_tags: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await h.call('media_edit_metadata', { media: '1002', add_tags: ['Noir', 'mood:Dark'] }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining(
          'add_tags.0: Expected kind:name with kind genre, label, director, writer (e.g. genre:Noir)',
        ),
      },
    });
    for (const bad of [
      { originally_available_at: '5 Dec 1963' },
      { originally_available_at: '1963-13-40' },
      { user_rating: 11 },
      { title: '' },
    ]) {
      expect(await h.call('media_edit_metadata', { media: '1002', ...bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('will not guess between items with the same title', async () => {
    const h = toolHarness();
    expect(
      await h.call('media_edit_metadata', { media: 'Sherlock Holmes', summary: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    expect(await h.call('media_edit_metadata', { media: '5555', summary: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('media_edit_metadata when the read-back is refused', () => {
  it('reports the edit that took, with changed null and named in warnings', async () => {
    const h = harnessRefusing(readBackOf('/library/metadata/1002'));
    const data = await h.data('media_edit_metadata', { media: '1002', tagline: 'Who is who?' });
    expect(data).toEqual({
      id: '1002',
      title: 'Charade',
      type: 'movie',
      changed: null,
      locked: true,
      warnings: ['edited values unavailable: Plex refused (403)'],
    });
    const after = await h.data('media_get_details', { media: '1002' });
    expect(after.tagline).toBe('Who is who?');
  });

  it('fails when the edit itself is refused', async () => {
    const h = harnessRefusing((_url, request) => request.method === 'PUT');
    const result = await h.call('media_edit_metadata', { media: '1002', tagline: 'Who?' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
