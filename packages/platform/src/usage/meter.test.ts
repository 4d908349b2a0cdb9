import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { ensureBuiltinMcp } from '../services/builtin-mcp.js';
import { seedOrganization } from '../services/testing.js';
import type { Storage } from '../storage/storage.js';
import { describeEachDatabase } from '../testing/databases.js';
import { BUCKET_COLUMNS, quantileMs } from './histogram.js';
import { BUILTIN_MCP, createMeter, OTHER_TOOL, type UsageEvent } from './meter.js';

const AT = Date.parse('2026-03-04T05:06:07.000Z');

/** The stored rows of one organization (tests share a database). */
async function rows(storage: Storage, organizationId: string) {
  const found = await storage.db
    .selectFrom('usage_minutes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('tool')
    .orderBy('outcome')
    .orderBy('door')
    .execute();
  // total_ms is bigint: a string on pg.
  return found.map((row) => ({ ...row, total_ms: Number(row.total_ms) }));
}

describeEachDatabase('the usage meter', (t) => {
  const event = (organizationId: string, extra: Partial<UsageEvent> = {}): UsageEvent => ({
    organizationId,
    keyId: 'key_a',
    mcpId: null,
    tool: 'search',
    door: 'tools',
    outcome: 'ok',
    durationMs: 3,
    at: AT,
    ...extra,
  });

  it('adds events in memory and writes them as per-minute rows that later flushes add to', async () => {
    const storage = await t.openMigrated();
    const org = await seedOrganization(storage, 'Acme');
    const builtin = await ensureBuiltinMcp(storage, org.organization.id);
    const meter = createMeter(storage, { flushIntervalMs: 60_000 });
    const id = org.organization.id;
    meter.record(event(id));
    meter.record(event(id, { durationMs: 40, at: AT + 30_000 }));
    meter.record(event(id, { outcome: 'NOT_FOUND', durationMs: 0.4 }));
    meter.record(event(id, { mcpId: BUILTIN_MCP, door: 'mcp' }));
    // Nothing is written until a flush.
    expect(await rows(storage, id)).toEqual([]);
    expect(meter.pendingRows()).toBe(3);
    await meter.flush();
    expect(meter.pendingRows()).toBe(0);
    // The same minute and combination again: added to the stored row, not a second one. The
    // builtin is resolved to the organization's server MCP, and merged with the id named outright.
    meter.record(event(id, { durationMs: 50_000 }));
    meter.record(event(id, { mcpId: builtin.id, door: 'mcp' }));
    await meter.close();

    const stored = await rows(storage, id);
    expect(stored).toHaveLength(3);
    const [ok, missing, mcp] = [
      stored.find((r) => r.door === 'tools' && r.outcome === 'ok')!,
      stored.find((r) => r.outcome === 'not_found')!,
      stored.find((r) => r.door === 'mcp')!,
    ];
    expect(ok).toMatchObject({
      organization_id: id,
      minute: '2026-03-04T05:06:00.000Z',
      key_id: 'key_a',
      mcp_id: '',
      tool: 'search',
      calls: 3,
      errors: 0,
      total_ms: 50_043,
    });
    expect(BUCKET_COLUMNS.map((c) => ok[c])).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(
      quantileMs(
        BUCKET_COLUMNS.map((c) => ok[c]),
        0.5,
      ),
    ).toBe(50);
    expect(missing).toMatchObject({ calls: 1, errors: 1, h00: 1 });
    expect(mcp).toMatchObject({ mcp_id: builtin.id, calls: 2, errors: 0 });
  });

  it('keeps the counts of a failed flush and writes them exactly once when the database is back', async () => {
    const storage = await t.openMigrated();
    const org = await seedOrganization(storage, 'Acme');
    const logged: string[] = [];
    const meter = createMeter(storage, {
      flushIntervalMs: 60_000,
      log: { error: (m) => logged.push(m) },
    });
    const id = org.organization.id;
    for (let i = 0; i < 5; i += 1) meter.record(event(id));
    // A real failure: the table is away, so the insert is refused by the database.
    await sql`alter table usage_minutes rename to usage_minutes_away`.execute(storage.db);
    await expect(meter.flush()).rejects.toThrow();
    // Calls made meanwhile join the kept ones.
    for (let i = 0; i < 2; i += 1) meter.record(event(id));
    await expect(meter.flush()).rejects.toThrow();
    await sql`alter table usage_minutes_away rename to usage_minutes`.execute(storage.db);
    await meter.flush();
    await meter.flush();
    await meter.close();
    const stored = await rows(storage, id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ calls: 7, errors: 0, h02: 7, total_ms: 21 });
  });

  it('caps distinct rows: past the cap a call counts without key, MCP and tool, once logged', async () => {
    const storage = await t.openMigrated();
    const org = await seedOrganization(storage, 'Acme');
    const logged: string[] = [];
    const meter = createMeter(storage, {
      flushIntervalMs: 60_000,
      maxRows: 2,
      log: { error: (m) => logged.push(m) },
    });
    const id = org.organization.id;
    for (const tool of ['a', 'b', 'c', 'd']) meter.record(event(id, { tool }));
    meter.record(event(id, { tool: null, door: 'v1' }));
    meter.record(event(id, { tool: 'a' }));
    expect(meter.pendingRows()).toBe(4);
    expect(logged).toHaveLength(1);
    await meter.close();
    const stored = await rows(storage, id);
    expect(stored.map((r) => [r.tool, r.key_id, r.calls])).toEqual([
      ['', '', 1],
      [OTHER_TOOL, '', 2],
      ['a', 'key_a', 2],
      ['b', 'key_a', 1],
    ]);
    // Nothing is counted after close.
    meter.record(event(id));
    expect(meter.pendingRows()).toBe(0);
  });

  it('writes many rows in one flush, and usage goes with its organization', async () => {
    const storage = await t.openMigrated();
    const org = await seedOrganization(storage, 'Acme');
    const other = await seedOrganization(storage, 'Globex');
    const meter = createMeter(storage, { flushIntervalMs: 60_000 });
    for (let i = 0; i < 1000; i += 1) {
      meter.record(event(org.organization.id, { tool: `tool${i}` }));
      meter.record(event(other.organization.id, { at: AT + i * 60_000 }));
    }
    await meter.close();
    const count = async (organizationId: string) =>
      Number(
        (
          await storage.db
            .selectFrom('usage_minutes')
            .select((eb) => eb.fn.sum<string | number>('calls').as('calls'))
            .where('organization_id', '=', organizationId)
            .executeTakeFirstOrThrow()
        ).calls,
      );
    expect(await count(org.organization.id)).toBe(1000);
    expect(await count(other.organization.id)).toBe(1000);
    await storage.db.deleteFrom('organizations').where('id', '=', org.organization.id).execute();
    expect(await count(org.organization.id)).toBe(0);
    expect(await count(other.organization.id)).toBe(1000);
  });
});
