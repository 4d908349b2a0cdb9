import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hubsContainerSchema } from './hubs.js';
import { librariesContainerSchema } from './libraries.js';
import { searchResultsContainerSchema } from './search.js';

describe('hub, search and library schemas', () => {
  it('splits a hub Directory into items (with ratingKey) and tags', () => {
    const parsed = v.parse(hubsContainerSchema, {
      MediaContainer: {
        size: 1,
        Hub: [
          {
            hubIdentifier: 'show',
            title: 'Shows',
            type: 'show',
            size: 2,
            more: 0,
            Directory: [
              {
                ratingKey: 30072,
                key: '/library/metadata/30072/children',
                type: 'show',
                title: 'Reacher',
              },
              { type: 'tag', tag: 'Ben Stiller', tagType: '6', id: 197429, count: '10' },
            ],
          },
        ],
      },
    });
    const hub = parsed.MediaContainer.Hub[0]!;
    expect(hub.items).toEqual([
      expect.objectContaining({ ratingKey: '30072', title: 'Reacher', Genre: [] }),
    ]);
    expect(hub.directories).toEqual([
      { type: 'tag', tag: 'Ben Stiller', tagType: 6, id: 197429, count: 10 },
    ]);
    expect(hub.more).toBe(false);
    expect(hub).not.toHaveProperty('Metadata');
  });

  it('reads SearchResult objects and drops entries that hold nothing', () => {
    const parsed = v.parse(searchResultsContainerSchema, {
      MediaContainer: {
        size: 3,
        SearchResult: [
          {
            score: '0.92',
            Metadata: {
              ratingKey: '1',
              key: '/library/metadata/1',
              type: 'movie',
              title: 'Zoolander',
            },
          },
          { score: 0.5, Directory: { tag: 'Ben Stiller', tagType: 6 } },
          { score: 0.1 },
        ],
      },
    });
    const results = parsed.MediaContainer.SearchResult;
    expect(results.map((result) => [result.kind, result.score])).toEqual([
      ['item', 0.92],
      ['directory', 0.5],
    ]);
  });

  it('gives a library a numeric id from its string key', () => {
    const parsed = v.parse(librariesContainerSchema, {
      MediaContainer: {
        size: 1,
        Directory: [{ key: 3, type: 'movie', title: 'Movies', refreshing: 0, hidden: '0' }],
      },
    });
    expect(parsed.MediaContainer.Directory[0]).toMatchObject({
      key: '3',
      id: 3,
      refreshing: false,
      hidden: 0,
      Location: [],
    });
  });
});
