import type { FilterChoice, Library, LibraryFilters, MetadataTypeName } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { type Gate, gate, partGate } from '../../shared/concurrency.js';
import { libraryInput } from '../../shared/inputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { SECTION_TYPES } from './section-types.js';

/** Which types carry watch state, genres and decades in each kind of library. */
const SHAPES: Record<
  string,
  { leaf?: MetadataTypeName; genre?: MetadataTypeName; decade?: MetadataTypeName }
> = {
  movie: { leaf: 'movie', genre: 'movie', decade: 'movie' },
  show: { leaf: 'episode', genre: 'show', decade: 'show' },
  artist: { leaf: 'track', genre: 'artist', decade: 'album' },
  photo: {},
};

const TOP_GENRES = 10;
/** Tag values counted one by one when Plex lists them without counts: at most this many. */
const MAX_COUNTED_VALUES = 100;

/** Values of a tag list with how many items carry each: Plex's counts, else counting queries. */
async function countedChoices(
  ctx: ToolContext,
  run: Gate,
  library: Library,
  kind: 'genre' | 'decade',
  type: MetadataTypeName,
): Promise<{ choice: FilterChoice; count: number }[]> {
  const list = await run(() =>
    ctx.plex.libraries.tags(library.id, kind, { type, limit: 1000, signal: ctx.signal }),
  );
  if (list.items.every((choice) => choice.count !== undefined)) {
    return list.items.map((choice) => ({ choice, count: choice.count ?? 0 }));
  }
  // Plex left the counts out: one counting query (page size 0) per value, through the gate.
  const choices = list.items.slice(0, MAX_COUNTED_VALUES);
  const counts = await Promise.all(
    choices.map((choice) => {
      const filters: LibraryFilters = { [kind]: choice.key };
      return run(() => ctx.plex.libraries.count(library.id, { type, filters, signal: ctx.signal }));
    }),
  );
  return choices.map((choice, i) => ({ choice, count: counts[i] ?? 0 }));
}

/** library_get_stats: a library's size and make-up from counting queries alone. */
export const libraryGetStats = defineTool({
  name: 'library_get_stats',
  module: 'library',
  access: 'read',
  title: 'Library statistics',
  description: "Count a library's items by type and watched state; top genres, decades.",
  input: v.object({ library: libraryInput }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    items: v.number(),
    counts: v.record(v.string(), v.number()),
    /** Absent for photo libraries; null when Plex would not count watched state. */
    watch: v.nullish(
      v.object({
        of: v.string(),
        watched: v.number(),
        unwatched: v.number(),
        in_progress: v.number(),
      }),
    ),
    /** Null when Plex would not list or count the genres (see `warnings`); same for decades. */
    top_genres: v.nullable(v.array(v.object({ genre: v.string(), count: v.number() }))),
    by_decade: v.nullable(v.array(v.object({ decade: v.number(), count: v.number() }))),
    ...warningsField,
  }),
  async run(ctx, input) {
    const library = await resolveLibrary(ctx, input);
    const types = SECTION_TYPES[library.type] ?? [];
    const shape = SHAPES[library.type] ?? {};

    // Type, watch-state, tag and per-value counts share one gate: a dozen queries or a hundred,
    // never more than PLEX_PARALLEL of them in flight on the call's signal.
    const run = gate();
    const count = (type: MetadataTypeName, filters: LibraryFilters = {}, through: Gate = run) =>
      through(() => ctx.plex.libraries.count(library.id, { type, filters, signal: ctx.signal }));
    // The type counts are the answer; watch state, genres and decades are details whose
    // refusal leaves them null, each through its own part of the gate so that it fails alone.
    const warnings = new Warnings(ctx.signal);
    const { leaf, genre, decade } = shape;
    const watchRun = partGate(run);
    const [typeCounts, watch, genres, decades] = await Promise.all([
      Promise.all(types.map((type) => count(type))),
      leaf
        ? warnings.optional('watch counts', () =>
            Promise.all([
              count(leaf, { unwatched: true }, watchRun),
              count(leaf, { inProgress: true }, watchRun),
            ]),
          )
        : undefined,
      genre
        ? warnings.optional('top genres', () =>
            countedChoices(ctx, partGate(run), library, 'genre', genre),
          )
        : [],
      decade
        ? warnings.optional('decades', () =>
            countedChoices(ctx, partGate(run), library, 'decade', decade),
          )
        : [],
    ]);
    const counts: Record<string, number> = {};
    types.forEach((type, i) => {
      counts[type] = typeCounts[i] ?? 0;
    });
    const leafTotal = shape.leaf ? (counts[shape.leaf] ?? 0) : 0;
    return warnings.attach({
      id: String(library.id),
      title: library.title,
      type: library.type,
      items: typeCounts[0] ?? 0,
      counts,
      watch:
        watch === null
          ? null
          : shape.leaf && watch
            ? {
                of: shape.leaf,
                watched: leafTotal - watch[0],
                unwatched: watch[0],
                in_progress: watch[1],
              }
            : undefined,
      top_genres:
        genres === null
          ? null
          : genres
              .filter((entry) => entry.count > 0)
              .sort((a, b) => b.count - a.count || a.choice.title.localeCompare(b.choice.title))
              .slice(0, TOP_GENRES)
              .map((entry) => ({ genre: entry.choice.title, count: entry.count })),
      by_decade:
        decades === null
          ? null
          : decades
              .map((entry) => ({ decade: Number(entry.choice.key), count: entry.count }))
              .filter((entry) => Number.isFinite(entry.decade) && entry.count > 0)
              .sort((a, b) => a.decade - b.decade),
    });
  },
});
