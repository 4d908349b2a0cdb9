import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { listTools } from '../list-tools.js';
import { findTool } from '../registry.js';
import { type ToolHarness, toolHarness } from '../testing/harness.js';
import { sampleArgsFor } from '../testing/sample-args.js';
import { MAX_ARRAY_ITEMS } from './bounded-array.js';

/** Every top-level array input of every tool, as [tool, property]. */
const ARRAY_INPUTS = listTools({ access: 'delete' }).flatMap((tool) =>
  Object.entries((tool.inputSchema.properties ?? {}) as Record<string, { type?: unknown }>)
    .filter(([, schema]) => schema.type === 'array')
    .map(([property]) => [tool.name, property] as const),
);

const ids = (count: number) => Array.from({ length: count }, (_, i) => String(1000 + i));

/** `count` valid entries for an array input: `kind:name` tags for the tag lists, ids elsewhere. */
const entries = (property: string, count: number) =>
  property.endsWith('_tags') ? ids(count).map((id) => `genre:${id}`) : ids(count);

/** A harness that counts the requests its client sends to the emulator. */
function counting(): { h: ToolHarness; requests: Request[] } {
  const requests: Request[] = [];
  const h: ToolHarness = toolHarness(
    {},
    {
      fetch: (input, init) => {
        const request = new Request(input, init);
        requests.push(request);
        return h.emulator.fetch(request);
      },
    },
  );
  return { h, requests };
}

describe('array inputs', () => {
  it('include the item lists of playlists and collections, tags, labels and alert types', () => {
    expect(ARRAY_INPUTS).toContainEqual(['playlist_add_to', 'items']);
    expect(ARRAY_INPUTS).toContainEqual(['collection_create', 'items']);
    expect(ARRAY_INPUTS).toContainEqual(['playlist_remove_from', 'playlist_item_ids']);
    expect(ARRAY_INPUTS).toContainEqual(['media_edit_metadata', 'add_tags']);
    expect(ARRAY_INPUTS).toContainEqual(['collection_edit', 'add_labels']);
    expect(ARRAY_INPUTS).toContainEqual(['server_get_alerts', 'types']);
  });

  it.each(ARRAY_INPUTS)(
    '%s refuses 501 %s as INVALID_INPUT before asking Plex anything',
    async (name, property) => {
      const { h, requests } = counting();
      const result = await h.call(name, {
        ...sampleArgsFor(name),
        [property]: entries(property, 501),
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringContaining(
            `${property}: At most 500 items per call (got 501); split the list over several calls`,
          ),
        },
      });
      expect(requests).toHaveLength(0);
    },
  );

  it('accept exactly the cap', () => {
    const tool = findTool('playlist_add_to');
    if (!tool) throw new Error('playlist_add_to is missing');
    const args = { playlist: '1073', items: ids(MAX_ARRAY_ITEMS) };
    expect(v.safeParse(tool.input, args).success).toBe(true);
  });

  it('turn 5,000 item ids into no requests at all, not 5,001', async () => {
    const { h, requests } = counting();
    const result = await h.call('playlist_add_to', { playlist: '1073', items: ids(5000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(requests).toHaveLength(0);
  });
});
