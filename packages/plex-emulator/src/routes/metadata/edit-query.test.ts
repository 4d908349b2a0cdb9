import { describe, expect, it } from 'vitest';
import { isEmptyPlan, parseEditQuery } from './edit-query.js';

/** Parses a raw query string the way the server receives it. */
function parse(raw: string) {
  return parseEditQuery(new URL(`http://pms.test/library/sections/1/all?${raw}`).searchParams);
}

describe('parseEditQuery', () => {
  it('reads field values and locks, ignoring id, type and dotted reparenting keys', () => {
    const plan = parse(
      'id=1&type=1&title.locked=1&title.value=New%20Title&summary.value=&summary.locked=0&thumb.locked=1&artist.id.value=7',
    );
    expect([...plan.fields]).toEqual([
      ['title', { locked: true, value: 'New Title' }],
      ['summary', { value: '', locked: false }],
      ['thumb', { locked: true }],
    ]);
    expect(plan.tags.size).toBe(0);
  });

  it('collects indexed tags in index order, with a character for cast members', () => {
    const plan = parse(
      'genre[1].tag.tag=Noir&genre[0].tag.tag=Crime&genre.locked=1&actor%5B0%5D.tag.tag=Tom%20Neal&actor%5B0%5D.tagging.text=Al%20Roberts',
    );
    expect(plan.tags.get('genre')).toEqual({
      add: [{ tag: 'Crime' }, { tag: 'Noir' }],
      remove: [],
      clear: false,
      locked: true,
    });
    expect(plan.tags.get('actor')?.add).toEqual([{ tag: 'Tom Neal', role: 'Al Roberts' }]);
    expect(plan.fields.size).toBe(0);
  });

  it('splits removals on commas and decodes each name again (python-plexapi double-encodes)', () => {
    const plan = parse(
      'genre[].tag.tag-=Action%2CSci-Fi%2520%2526%2520Fantasy%2CRock%252C%2520Paper&genre.locked=1',
    );
    expect(plan.tags.get('genre')?.remove).toEqual(['Action', 'Sci-Fi & Fantasy', 'Rock, Paper']);
  });

  it('keeps a removal name with a stray % as written, and reads `tag[].tag` as clear-all', () => {
    const plan = parse('label[].tag.tag-=100%25&mood[].tag=');
    expect(plan.tags.get('label')?.remove).toEqual(['100%']);
    expect(plan.tags.get('mood')).toEqual({ add: [], remove: [], clear: true });
  });

  it('reports an empty plan for a request with nothing to edit', () => {
    expect(isEmptyPlan(parse('id=1&type=1&X-Plex-Token=abc'))).toBe(true);
    expect(isEmptyPlan(parse('id=1&label.locked=0'))).toBe(false);
  });
});
