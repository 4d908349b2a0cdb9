import type { HistoryEntry, Page } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { paging } from '../../shared/inputs.js';
import { isoTime, pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { warningsField } from '../../shared/warnings.js';
import { playedItem, playedItemOf } from '../sessions/describe.js';
import { usernameInput } from './user-get-info.js';
import { userWarnings } from './user-shape.js';

/** What a played item's type says about the library it is in. */
const SECTION_TYPE = { movie: 'movie', episode: 'show', track: 'artist' } as const;

/** A point in time given as an ISO date or date-time. */
export const sinceInput = v.pipe(
  v.string(),
  v.trim(),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'Use an ISO date such as 2025-11-01'),
  v.description('ISO date to start from'),
);

/** user_get_watch_history: one user's finished plays, newest first. */
export const userGetWatchHistory = defineTool({
  name: 'user_get_watch_history',
  module: 'user',
  access: 'read',
  title: 'Watch history of a user',
  description: "A user's finished plays, newest first, with device.",
  input: v.object({
    ...usernameInput,
    media_type: v.optional(
      v.pipe(v.picklist(['movie', 'episode', 'track']), v.description('Only this type')),
    ),
    since: v.optional(sinceInput),
    ...paging,
  }),
  output: v.object({
    user: v.object({ username: v.string(), title: v.string() }),
    plays: v.array(
      v.object({
        history_id: v.string(),
        viewed_at: v.optional(v.string()),
        item: playedItem,
        /** `name` and `platform` null when the device list was refused (see `warnings`). */
        device: v.object({
          id: v.optional(v.number()),
          name: v.nullish(v.string()),
          platform: v.nullish(v.string()),
        }),
      }),
    ),
    ...pageFacts,
    ...warningsField,
  }),
  annotations: { openWorldHint: true },
  async run(ctx, input) {
    const { user, directory } = await resolveUser(ctx, input.username);
    const warnings = userWarnings(ctx, directory);
    const who = { username: user.username, title: user.title };
    const empty = warnings.attach({
      user: who,
      plays: [],
      ...pageOf(0, input.offset, input.limit, 0),
    });
    // No server account: the user never played anything here (and an unfiltered query would
    // answer everyone's plays).
    if (user.accountId === undefined) return empty;
    const call = { signal: ctx.signal };
    const filter = {
      accountId: user.accountId,
      ...(input.since === undefined ? {} : { since: new Date(input.since) }),
    };
    const window = { offset: input.offset, limit: input.limit };
    let page: Page<HistoryEntry>;
    if (input.media_type === undefined) {
      page = await ctx.plex.history.list({ ...filter, ...window, ...call });
    } else {
      const type = input.media_type;
      const sections = (await ctx.plex.libraries.list(call)).filter(
        (section) => section.type === SECTION_TYPE[type],
      );
      if (sections.length === 0) return empty;
      if (sections.length === 1) {
        // One library of that kind: Plex filters and pages (its plays are all of that type).
        page = await ctx.plex.history.list({
          ...filter,
          ...window,
          sectionId: sections[0]!.id,
          ...call,
        });
      } else {
        // Several: walk the user's plays once, keeping only the requested window.
        const items: HistoryEntry[] = [];
        let total = 0;
        for await (const entry of ctx.plex.history.iterateItems({
          ...filter,
          pageSize: 200,
          ...call,
        })) {
          if (entry.type !== type) continue;
          if (total >= input.offset && items.length < input.limit) items.push(entry);
          total++;
        }
        page = { items, offset: input.offset, totalSize: total };
      }
    }
    // The plays are the answer; the device list only names their devices.
    const devices =
      page.items.length === 0
        ? []
        : await warnings.optional('device names', () => ctx.plex.accounts.devices(call));
    const deviceById = new Map(devices?.map((d) => [d.id, d]));
    const plays = page.items.map((entry) => {
      const device = entry.deviceID === undefined ? undefined : deviceById.get(entry.deviceID);
      return {
        history_id: entry.historyId,
        viewed_at: isoTime(entry.viewedAt),
        item: playedItemOf(entry),
        device:
          devices === null
            ? { id: entry.deviceID, name: null, platform: null }
            : { id: entry.deviceID, name: device?.name, platform: device?.platform },
      };
    });
    return warnings.attach({
      user: who,
      plays,
      ...pageOf(page.totalSize, input.offset, input.limit, plays.length),
    });
  },
});
