import type { ToolHarness } from '../../testing/harness.js';

/** The Roku's machineIdentifier in the demo data. */
export const ROKU = 'roku-lr-7f3a';

/** The ratingKey of a demo item by title (and type, for titles that repeat). */
export function itemKey(h: ToolHarness, title: string, type?: string): string {
  const item = [...h.emulator.state.items.values()].find(
    (entry) => entry.title === title && (type === undefined || entry.type === type),
  );
  if (!item) throw new Error(`no item ${title}`);
  return item.ratingKey;
}

/** Starts "The Clampetts Strike Oil" on the Roku at 2 minutes, through the client directly. */
export async function startEpisode(h: ToolHarness): Promise<string> {
  const ratingKey = itemKey(h, 'The Clampetts Strike Oil', 'episode');
  await h.plex.players.playMedia(ROKU, { ratingKey, offsetMs: 120_000 });
  return ratingKey;
}
