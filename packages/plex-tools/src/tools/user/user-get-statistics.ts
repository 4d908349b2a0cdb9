import type { HistoryEntry } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { isoTime } from '../../shared/outputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { Warnings, warningsField } from '../../shared/warnings.js';
import { userWarnings } from './user-shape.js';

const DAY = 86_400;

/** The windows a caller can ask for, in seconds back from now (all_time: no limit). */
const PERIODS = {
  last_24_hours: DAY,
  last_7_days: 7 * DAY,
  last_30_days: 30 * DAY,
  last_90_days: 90 * DAY,
  last_year: 365 * DAY,
  all_time: undefined,
} as const;

/** Plays read per history request. */
const PAGE_SIZE = 200;
/** Items asked for per metadata request when looking up durations. */
const LOOKUP_BATCH = 50;

const count = v.object({ plays: v.number(), watch_time_ms: v.number() });

const userStats = v.object({
  /** Null when the account list was refused (see `warnings`); device names likewise. */
  username: v.nullable(v.string()),
  account_id: v.optional(v.number()),
  plays: v.number(),
  watch_time_ms: v.number(),
  by_media_type: v.array(v.object({ type: v.string(), ...count.entries })),
  devices: v.array(
    v.object({
      name: v.nullable(v.string()),
      platform: v.nullish(v.string()),
      plays: v.number(),
      watch_time_ms: v.number(),
    }),
  ),
});

type UserStats = v.InferOutput<typeof userStats>;

/** A tally of plays and watch time under a key. */
class Tally<K> {
  readonly map = new Map<K, { plays: number; watch_time_ms: number }>();
  add(key: K, ms: number): void {
    const entry = this.map.get(key) ?? { plays: 0, watch_time_ms: 0 };
    entry.plays++;
    entry.watch_time_ms += ms;
    this.map.set(key, entry);
  }
}

/** user_get_statistics: plays and watch time per user over a period, from the play history. */
export const userGetStatistics = defineTool({
  name: 'user_get_statistics',
  module: 'user',
  access: 'read',
  title: 'Viewing statistics',
  description: 'Plays and watch time per user over a period, by type and device.',
  input: v.object({
    time_period: v.pipe(
      v.picklist(Object.keys(PERIODS) as (keyof typeof PERIODS)[]),
      v.description('Window ending now'),
    ),
    username: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Only this user')),
    ),
  }),
  output: v.object({
    time_period: v.string(),
    since: v.optional(v.string()),
    until: v.string(),
    users: v.array(userStats),
    totals: v.object({ users: v.number(), ...count.entries }),
    plays_without_duration: v.number(),
    note: v.string(),
    ...warningsField,
  }),
  annotations: { openWorldHint: true },
  async run(ctx, input) {
    const call = { signal: ctx.signal };
    const nowSeconds = Math.floor(Date.now() / 1000);
    const span = PERIODS[input.time_period];
    const since = span === undefined ? undefined : nowSeconds - span;
    let accountId: number | undefined;
    let onlyUser: string | undefined;
    let warnings = new Warnings(ctx.signal);
    if (input.username !== undefined) {
      const { user, directory } = await resolveUser(ctx, input.username);
      onlyUser = user.username;
      accountId = user.accountId;
      warnings = userWarnings(ctx, directory);
    }
    // The plays are the answer; names and durations are details a refusal leaves out.
    const [accounts, devices] = await Promise.all([
      warnings.optional('user names', () => ctx.plex.accounts.list(call)),
      warnings.optional('device names', () => ctx.plex.accounts.devices(call)),
    ]);

    // The plays of the window only, page by page (Plex filters by viewedAt and account).
    const plays: HistoryEntry[] = [];
    const noAccount = input.username !== undefined && accountId === undefined;
    for (let offset = 0; !noAccount; ) {
      const page = await ctx.plex.history.list({
        ...(since === undefined ? {} : { since }),
        ...(accountId === undefined ? {} : { accountId }),
        offset,
        limit: PAGE_SIZE,
        ...call,
      });
      plays.push(...page.items);
      offset += page.items.length;
      ctx.progress({ progress: offset, total: page.totalSize, message: 'Reading play history' });
      if (page.items.length === 0 || offset >= page.totalSize) break;
    }

    // Durations of the items played (history entries carry none), in batches.
    const keys = [...new Set(plays.map((p) => p.ratingKey).filter((k): k is string => !!k))];
    const durations = new Map<string, number>();
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      const items = await warnings.optional('some durations', () =>
        ctx.plex.metadata.get(keys.slice(i, i + LOOKUP_BATCH), call),
      );
      for (const item of items ?? []) {
        const ms = item.duration ?? item.Media[0]?.duration;
        if (ms !== undefined) durations.set(item.ratingKey, ms);
      }
    }

    const accountName = new Map(accounts?.map((a) => [a.id, a.name]));
    const deviceById = new Map(devices?.map((d) => [d.id, d]));
    const perUser = new Map<
      number | undefined,
      { all: Tally<'all'>; types: Tally<string>; devices: Tally<number | undefined> }
    >();
    let withoutDuration = 0;
    for (const play of plays) {
      const ms = play.ratingKey === undefined ? undefined : durations.get(play.ratingKey);
      if (ms === undefined) withoutDuration++;
      const key = play.accountID;
      const stats = perUser.get(key) ?? {
        all: new Tally<'all'>(),
        types: new Tally<string>(),
        devices: new Tally<number | undefined>(),
      };
      stats.all.add('all', ms ?? 0);
      stats.types.add(play.type ?? 'unknown', ms ?? 0);
      stats.devices.add(play.deviceID, ms ?? 0);
      perUser.set(key, stats);
    }

    const byPlays = <T extends { plays: number }>(a: T, b: T) => b.plays - a.plays;
    const users: UserStats[] = [...perUser.entries()].map(([id, stats]) => {
      const all = stats.all.map.get('all') ?? { plays: 0, watch_time_ms: 0 };
      const name =
        accounts === null
          ? null
          : ((id === undefined ? undefined : accountName.get(id)) ??
            (id === undefined ? 'unknown' : `account ${id}`));
      return {
        username: name,
        account_id: id,
        ...all,
        by_media_type: [...stats.types.map.entries()]
          .map(([type, c]) => ({ type, ...c }))
          .sort(byPlays),
        devices: [...stats.devices.map.entries()]
          .map(([deviceId, c]) => {
            const device = deviceId === undefined ? undefined : deviceById.get(deviceId);
            if (devices === null) return { name: null, platform: null, ...c };
            return {
              name: device?.name || (deviceId === undefined ? 'unknown' : `device ${deviceId}`),
              platform: device?.platform,
              ...c,
            };
          })
          .sort(byPlays),
      };
    });
    users.sort(byPlays);
    if (onlyUser !== undefined && users.length === 0) {
      users.push({
        username: onlyUser,
        account_id: accountId,
        plays: 0,
        watch_time_ms: 0,
        by_media_type: [],
        devices: [],
      });
    }
    return warnings.attach({
      time_period: input.time_period,
      since: isoTime(since),
      until: isoTime(nowSeconds) ?? '',
      users,
      totals: {
        users: users.filter((u) => u.plays > 0).length,
        plays: plays.length,
        watch_time_ms: users.reduce((sum, u) => sum + u.watch_time_ms, 0),
      },
      plays_without_duration: withoutDuration,
      note: 'Watch time counts each play as the full length of the item; Plex history records no per-play duration.',
    });
  },
});
