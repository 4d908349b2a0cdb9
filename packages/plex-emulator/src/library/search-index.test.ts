import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { searchLibrary } from './library-search.js';
import { prepareQuery } from './title-match.js';

function setup() {
  const emulator = testEmulator();
  const { state } = emulator;
  const owner = state.accounts.get(1) as AccountRecord;
  const search = (text: string) => {
    const query = prepareQuery(text);
    if (!query) throw new Error(`nothing to search in ${text}`);
    return searchLibrary(state, owner, query);
  };
  return { state, search };
}

describe('search over the cached index', () => {
  it('answers the same on a repeated search and counts credits per section', () => {
    const { search } = setup();
    const first = search('keaton');
    const again = search('keaton');
    expect(again.items.map((hit) => hit.item.ratingKey)).toEqual(
      first.items.map((hit) => hit.item.ratingKey),
    );
    expect(first.people.find((hit) => hit.kind === 'role')).toMatchObject({
      name: 'Buster Keaton',
      sectionId: 1,
      count: 2,
    });
  });

  it('sees a retitled item and a new credit right after the edit', () => {
    const { state, search } = setup();
    const hit = search('charade').items[0];
    if (!hit) throw new Error('no Charade in the demo library');
    expect(search('zzyzx road').items).toEqual([]);
    hit.item.title = 'Zzyzx Road';
    hit.item.tags.role = [...(hit.item.tags.role ?? []), { tag: 'Quentin Zzyzx' }];
    state.touch(hit.item, 0);
    expect(search('zzyzx road').items.map((found) => found.item.ratingKey)).toEqual([
      hit.item.ratingKey,
    ]);
    expect(search('charade').items.map((found) => found.item.ratingKey)).not.toContain(
      hit.item.ratingKey,
    );
    expect(search('quentin zzyzx').people).toMatchObject([
      { kind: 'role', name: 'Quentin Zzyzx', count: 1 },
    ]);
  });
});
