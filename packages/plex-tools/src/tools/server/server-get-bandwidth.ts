import type { Account, BandwidthStatistic, StatisticsTimespan } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { isoTime } from '../../shared/outputs.js';

const TIMESPANS = ['seconds', 'hours', 'days', 'weeks', 'months'] as const;

/** Bytes sent, split into LAN and WAN. */
const traffic = { bytes: v.number(), lan_bytes: v.number(), wan_bytes: v.number() };

interface Totals {
  bytes: number;
  lan_bytes: number;
  wan_bytes: number;
}

const add = (totals: Totals, row: BandwidthStatistic) => {
  totals.bytes += row.bytes;
  if (row.lan) totals.lan_bytes += row.bytes;
  else totals.wan_bytes += row.bytes;
};

const zero = (): Totals => ({ bytes: 0, lan_bytes: 0, wan_bytes: 0 });

/** The server account with this username (case-insensitive); NOT_FOUND names the accounts. */
async function accountNamed(ctx: ToolContext, username: string): Promise<Account> {
  const accounts = (await ctx.plex.accounts.list({ signal: ctx.signal })).filter(
    (account) => account.name !== '',
  );
  const found = accounts.find((account) => account.name.toLowerCase() === username.toLowerCase());
  if (!found) {
    throw new ToolError(
      'NOT_FOUND',
      `No account "${username}" on this server. Accounts: ${accounts.map((a) => `"${a.name}"`).join(', ') || 'none'}.`,
      { accounts: accounts.map((a) => a.name) },
    );
  }
  return found;
}

/** server_get_bandwidth: the dashboard's bandwidth statistics, summed per user and device. */
export const serverGetBandwidth = defineTool({
  name: 'server_get_bandwidth',
  module: 'server',
  access: 'read',
  title: 'Get bandwidth usage',
  description: 'Bytes streamed per user and device, LAN vs WAN.',
  input: v.object({
    timespan: v.pipe(v.picklist(TIMESPANS), v.description('Bin size (seconds: last 2 min)')),
    lan: v.optional(v.pipe(v.boolean(), v.description('true LAN only, false WAN only'))),
    username: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Only this user')),
    ),
  }),
  output: v.object({
    timespan: v.string(),
    first_bin_at: v.optional(v.string()),
    last_bin_at: v.optional(v.string()),
    ...traffic,
    by_user: v.array(v.object({ username: v.string(), ...traffic })),
    by_device: v.array(
      v.object({
        device: v.string(),
        platform: v.optional(v.string()),
        username: v.string(),
        ...traffic,
      }),
    ),
  }),
  async run(ctx, input) {
    const account =
      input.username === undefined ? undefined : await accountNamed(ctx, input.username);
    const report = await ctx.plex.statistics.bandwidth({
      timespan: input.timespan satisfies StatisticsTimespan,
      ...(input.lan === undefined ? {} : { lan: input.lan }),
      ...(account ? { accountId: account.id } : {}),
      signal: ctx.signal,
    });
    const accountName = new Map(report.accounts.map((a) => [a.id, a.name]));
    const devices = new Map(report.devices.map((d) => [d.id, d]));
    const nameOf = (id: number) => accountName.get(id) || `account ${id}`;

    const total = zero();
    const users = new Map<number, Totals>();
    const perDevice = new Map<string, Totals & { accountId: number; deviceId: number }>();
    for (const row of report.rows) {
      add(total, row);
      const user = users.get(row.accountID) ?? zero();
      add(user, row);
      users.set(row.accountID, user);
      const key = `${row.accountID}:${row.deviceID}`;
      const device = perDevice.get(key) ?? {
        ...zero(),
        accountId: row.accountID,
        deviceId: row.deviceID,
      };
      add(device, row);
      perDevice.set(key, device);
    }
    // No spread into Math.min: a long report has more rows than a call may take arguments.
    let first: number | undefined;
    let last: number | undefined;
    for (const { at } of report.rows) {
      if (first === undefined || at < first) first = at;
      if (last === undefined || at > last) last = at;
    }
    const byBytes = (a: Totals, b: Totals) => b.bytes - a.bytes;
    return {
      timespan: input.timespan,
      first_bin_at: isoTime(first),
      last_bin_at: isoTime(last),
      ...total,
      by_user: [...users].map(([id, t]) => ({ username: nameOf(id), ...t })).sort(byBytes),
      by_device: [...perDevice.values()].sort(byBytes).map(({ accountId, deviceId, ...t }) => {
        const device = devices.get(deviceId);
        return {
          device: device?.name || `device ${deviceId}`,
          platform: device?.platform,
          username: nameOf(accountId),
          ...t,
        };
      }),
    };
  },
});
