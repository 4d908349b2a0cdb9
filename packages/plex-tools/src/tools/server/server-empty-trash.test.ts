import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';

/** Puts the item titled `title` in its library's trash (its file went missing). */
function trash(h: ToolHarness, title: string): string {
  const item = [...h.emulator.state.items.values()].find((i) => i.title === title);
  if (!item) throw new Error(`demo item ${title} missing`);
  const section = h.emulator.state.sections.get(item.sectionId);
  if (!section) throw new Error(`section of ${title} missing`);
  section.trash.add(item.ratingKey);
  return item.ratingKey;
}

async function counts(h: ToolHarness): Promise<Record<string, number | null | undefined>> {
  const { libraries } = await h.data('library_list', { include_counts: true });
  return Object.fromEntries(libraries.map((l) => [l.title, l.item_count]));
}

describe('server_empty_trash', () => {
  it('empties one library, leaving the others', async () => {
    const h = toolHarness();
    const plan9 = trash(h, 'Plan 9 from Outer Space');
    const bonanza = trash(h, 'Bonanza');
    expect(await h.data('server_empty_trash', { library: 'movies' })).toEqual({
      emptied: [{ id: '1', title: 'Movies' }],
      message: 'Emptied the trash of Movies.',
    });
    expect(await counts(h)).toEqual({ Movies: 16, 'TV Shows': 3, Music: 3 });
    expect(h.emulator.state.items.has(plan9)).toBe(false);
    expect(h.emulator.state.items.has(bonanza)).toBe(true);
  });

  it('empties every library when none is named', async () => {
    const h = toolHarness();
    trash(h, 'Plan 9 from Outer Space');
    trash(h, 'Bonanza');
    const data = await h.data('server_empty_trash');
    expect(data.emptied).toEqual([
      { id: '1', title: 'Movies' },
      { id: '2', title: 'TV Shows' },
      { id: '3', title: 'Music' },
    ]);
    expect(data.message).toBe('Emptied the trash of Movies, TV Shows, Music.');
    expect(await counts(h)).toEqual({ Movies: 16, 'TV Shows': 2, Music: 3 });
  });

  it('changes nothing when the trash is empty', async () => {
    const h = toolHarness();
    await h.data('server_empty_trash');
    expect(await counts(h)).toEqual({ Movies: 17, 'TV Shows': 3, Music: 3 });
  });

  it('names the libraries there are when the name is unknown', async () => {
    const h = toolHarness();
    const result = await h.call('server_empty_trash', { library: 'Anime' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('"Movies" (id 1)');
  });

  it('refuses an empty library name', async () => {
    const h = toolHarness();
    expect(await h.call('server_empty_trash', { library: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('is FORBIDDEN for an account other than the owner', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken ?? '';
    const h = toolHarness({}, { token: alex });
    expect(await h.call('server_empty_trash', { library: 'Movies' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
