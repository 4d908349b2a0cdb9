import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mediaAddressing, paging } from '../../shared/inputs.js';
import { isoTime, pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveMedia } from '../../shared/resolve-media.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { playedItem, playedItemOf } from './describe.js';

const play = v.object({
  history_id: v.string(),
  viewed_at: v.optional(v.string()),
  /** `name` null when the account list was refused; device `name`/`platform` likewise. */
  user: v.object({ account_id: v.optional(v.number()), name: v.nullish(v.string()) }),
  device: v.object({
    id: v.optional(v.number()),
    name: v.nullish(v.string()),
    platform: v.nullish(v.string()),
  }),
  item: playedItem,
});

/** sessions_get_media_playback_history: who played an item (or a show's episodes), when, where. */
export const sessionsGetMediaPlaybackHistory = defineTool({
  name: 'sessions_get_media_playback_history',
  module: 'sessions',
  access: 'read',
  title: 'Playback history of an item',
  description: "Who played an item (or a show's episodes), when, on which device.",
  input: v.object({ ...mediaAddressing, ...paging }),
  output: v.object({
    media: v.object({
      id: v.string(),
      title: v.string(),
      type: v.string(),
      year: v.optional(v.number()),
    }),
    plays: v.array(play),
    ...pageFacts,
    ...warningsField,
  }),
  async run(ctx, input) {
    const item = await resolveMedia(ctx, input);
    const call = { signal: ctx.signal };
    // The plays are the answer; account and device lists only put names on them.
    const warnings = new Warnings(ctx.signal);
    const [page, accounts, devices] = await Promise.all([
      ctx.plex.history.list({
        ratingKey: item.ratingKey,
        offset: input.offset,
        limit: input.limit,
        signal: ctx.signal,
      }),
      warnings.optional('user names', () => ctx.plex.accounts.list(call)),
      warnings.optional('device names', () => ctx.plex.accounts.devices(call)),
    ]);
    const accountName = new Map(accounts?.map((a) => [a.id, a.name]));
    const deviceById = new Map(devices?.map((d) => [d.id, d]));
    const plays = page.items.map((entry) => {
      const device = entry.deviceID === undefined ? undefined : deviceById.get(entry.deviceID);
      return {
        history_id: entry.historyId,
        viewed_at: isoTime(entry.viewedAt),
        user: {
          account_id: entry.accountID,
          name:
            accounts === null
              ? null
              : entry.accountID === undefined
                ? undefined
                : accountName.get(entry.accountID),
        },
        device:
          devices === null
            ? { id: entry.deviceID, name: null, platform: null }
            : { id: entry.deviceID, name: device?.name, platform: device?.platform },
        item: playedItemOf(entry),
      };
    });
    return warnings.attach({
      media: { id: item.ratingKey, title: item.title, type: item.type, year: item.year },
      plays,
      ...pageOf(page.totalSize, input.offset, input.limit, plays.length),
    });
  },
});
