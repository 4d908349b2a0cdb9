import { describe, expect, it } from 'vitest';
import { toolHarness } from '../../testing/harness.js';

describe('media_get_related', () => {
  it('groups related items, each a compact line', async () => {
    const h = toolHarness();
    const data = await h.data('media_get_related', { media: 'Night of the Living Dead' });
    expect(data).toMatchObject({ id: '1000', title: 'Night of the Living Dead', type: 'movie' });
    const groups = data.groups;
    expect(groups[0]).toMatchObject({ title: 'More Like This', total: 9, has_more: false });
    expect(groups[0]?.items).toContainEqual({
      id: '1004',
      title: 'Nosferatu',
      type: 'movie',
      year: 1922,
      library: 'Movies',
    });
    for (const group of groups) {
      expect(group.items.length).toBeGreaterThan(0);
      for (const related of group.items) {
        expect(related.id).not.toBe('1000');
        expect(related).toEqual(
          expect.objectContaining({ id: expect.any(String), title: expect.any(String) }),
        );
      }
    }
  });

  it('cuts each group at limit and says there is more', async () => {
    const h = toolHarness();
    const all = await h.data('media_get_related', { media: '1007', limit: 100 });
    const big = all.groups.find((group) => group.items.length > 1);
    expect(big).toBeDefined();
    const cut = await h.data('media_get_related', { media: '1007', limit: 1 });
    const same = cut.groups.find((group) => group.title === big?.title);
    expect(same).toMatchObject({ has_more: true, total: big?.items.length });
    expect(same?.items).toHaveLength(1);
  });

  it('reports ambiguity, unknown items and a bad limit', async () => {
    const h = toolHarness();
    expect(await h.call('media_get_related', { media: 'Sherlock Holmes' })).toMatchObject({
      ok: false,
      error: { code: 'AMBIGUOUS' },
    });
    expect(await h.call('media_get_related', { media: '777777' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await h.call('media_get_related', { media: '1000', limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
