import type { EmulatorState } from '../state/store.js';
import type { ItemRecord } from '../state/types.js';

/** The `addedAt` fixtures use. */
export const FIXTURE_ADDED_AT = 1_700_000_000;

/** One season of a fixture show: its number and its episodes' numbers, in the order added. */
export interface SeasonSpec {
  index: number;
  episodes: readonly number[];
}

/**
 * Adds a show (section 2) with seasons and episodes in the order given, so a test can add them
 * out of order as a later scan would. Episodes are titled `S{season}E{episode}`.
 */
export function addShow(
  state: EmulatorState,
  seasons: readonly SeasonSpec[],
  episodeDuration?: number,
): { show: ItemRecord; episodes: ItemRecord[] } {
  const base = { sectionId: 2, addedAt: FIXTURE_ADDED_AT };
  const show = state.addItem({ ...base, type: 'show', title: 'Show' });
  const episodes: ItemRecord[] = [];
  for (const spec of seasons) {
    const season = state.addItem({
      ...base,
      type: 'season',
      title: `Season ${spec.index}`,
      index: spec.index,
      parentRatingKey: show.ratingKey,
    });
    for (const index of spec.episodes) {
      episodes.push(
        state.addItem({
          ...base,
          type: 'episode',
          title: `S${spec.index}E${index}`,
          index,
          parentRatingKey: season.ratingKey,
          ...(episodeDuration === undefined ? {} : { duration: episodeDuration }),
        }),
      );
    }
  }
  return { show, episodes };
}
