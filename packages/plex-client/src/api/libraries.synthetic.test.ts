import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';

/** Paging to the end of a 100,000-item synthetic library: every item once, one page at a time. */

const PAGE_SIZE = 1000;

describe('libraries.iterateItems over a 100,000-item synthetic library', () => {
  it('walks every leaf of every section once, lazily, in pages of the configured size', {
    timeout: 120_000,
  }, async () => {
    const { client, emulator, sent } = emulatorClient({ library: 'synthetic:100000' });
    // The leaves of each section: movies, the shows' episodes, the artists' tracks.
    const leaves = [
      { sectionId: 1, type: 'movie' },
      { sectionId: 2, type: 'episode' },
      { sectionId: 3, type: 'track' },
    ] as const;

    let total = 0;
    for (const { sectionId, type } of leaves) {
      const expected = await client.libraries.count(sectionId, { type });
      expect(expected).toBe(emulator.state.keysOf(sectionId, type).length);
      sent.length = 0;

      // Only the keys are kept, to find duplicates; the items themselves are dropped at once.
      const keys = new Set<string>();
      let seen = 0;
      let otherTypes = 0;
      for await (const item of client.libraries.iterateItems(sectionId, {
        type,
        sort: 'addedAt:desc',
        pageSize: PAGE_SIZE,
      })) {
        // No read-ahead: the request for page n goes out only when item n × size is wanted,
        // so at most one page is ever held.
        if (seen % PAGE_SIZE === 0) expect(sent).toHaveLength(seen / PAGE_SIZE + 1);
        if (item.type !== type) otherTypes++;
        keys.add(item.ratingKey);
        seen++;
      }

      expect(seen).toBe(expected);
      expect(otherTypes).toBe(0);
      expect(keys.size).toBe(expected);
      expect(sent).toHaveLength(Math.ceil(expected / PAGE_SIZE));
      sent.forEach((request, index) => {
        const url = new URL(request.url);
        expect(url.pathname).toBe(`/library/sections/${sectionId}/all`);
        expect(request.headers.get('X-Plex-Container-Start')).toBe(String(index * PAGE_SIZE));
        expect(request.headers.get('X-Plex-Container-Size')).toBe(String(PAGE_SIZE));
      });
      total += seen;
    }
    expect(total).toBe(100_000);
  });
});
