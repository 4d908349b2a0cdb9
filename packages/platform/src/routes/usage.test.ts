import { expect, it } from 'vitest';
import { newId } from '../ids.js';
import { describeEachDatabase } from '../testing/databases.js';
import { createMeter, type Meter, type UsageEvent } from '../usage/meter.js';
import { v1Fixture } from './testing.js';

describeEachDatabase('/v1/usage', (t) => {
  /** Acme and Globex with some usage each this month, some still in the meter. */
  async function scene() {
    let meter: Meter | undefined;
    const fixture = await v1Fixture(t, { meter: { flush: () => meter!.flush() } });
    meter = createMeter(fixture.storage, { flushIntervalMs: 60_000 });
    const mcp = (
      await fixture.call('POST', '/v1/mcps', {
        key: fixture.acme.secret,
        body: { kind: 'plex', name: 'Den', url: 'http://den.local:32400' },
      })
    ).body.data;
    const now = Date.now();
    const acme = (extra: Partial<UsageEvent>): UsageEvent => ({
      organizationId: fixture.acme.organization.id,
      keyId: fixture.acme.key.id,
      mcpId: null,
      tool: null,
      door: 'v1',
      outcome: 'ok',
      durationMs: 4,
      at: now,
      ...extra,
    });
    for (let i = 0; i < 3; i += 1)
      meter.record(acme({ tool: 'search', door: 'mcp', mcpId: mcp.id }));
    meter.record(acme({ tool: 'search', door: 'tools', mcpId: mcp.id, outcome: 'NOT_FOUND' }));
    // An invoke: one /v1 request and its tool call.
    meter.record(acme({ durationMs: 30 }));
    meter.record(acme({ tool: 'library', door: 'invoke', mcpId: mcp.id, durationMs: 25 }));
    meter.record(acme({ keyId: null, outcome: 'forbidden' }));
    // Last month's: not in this period, but in history.
    meter.record(acme({ at: now - 40 * 86_400_000 }));
    meter.record({
      ...acme({ tool: 'search', door: 'sse' }),
      organizationId: fixture.globex.organization.id,
      keyId: fixture.globex.key.id,
    });
    await meter.flush();
    // These stay in memory until the usage route flushes them.
    meter.record(acme({ tool: 'search', door: 'mcp', mcpId: mcp.id }));
    return { ...fixture, mcp, meter };
  }

  it("answers this month's usage of the caller's organization only, including what was not written yet", async () => {
    const { call, acme, globex, mcp } = await scene();
    const res = await call('GET', '/v1/usage', { key: acme.secret });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      plan: 'free',
      limits: { requests_per_second: 10 },
      // 4 tool calls on /mcp, 1 on /tools, 2 /v1 requests (invoke's tool call is not another).
      requests: 7,
      tool_calls: 6,
      errors: 2,
      p50_ms: 5,
      p95_ms: 50,
    });
    expect(data.period.start).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
    expect(data.top_tools).toEqual([
      { tool: 'search', calls: 5, errors: 1, p50_ms: 5, p95_ms: 5 },
      { tool: 'library', calls: 1, errors: 0, p50_ms: 50, p95_ms: 50 },
    ]);
    expect(data.by_mcp).toEqual([{ mcp_id: mcp.id, tool_calls: 6, errors: 1 }]);
    expect(data.by_key).toEqual([
      { key_id: acme.key.id, requests: 6, tool_calls: 6, errors: 1 },
      { key_id: null, requests: 1, tool_calls: 0, errors: 1 },
    ]);
    expect(data.by_door.find((d: { door: string }) => d.door === 'mcp')).toEqual({
      door: 'mcp',
      calls: 4,
      errors: 0,
    });
    const other = await call('GET', '/v1/usage', { key: globex.secret });
    expect(other.body.data).toMatchObject({ requests: 1, tool_calls: 1, errors: 0 });
    expect(other.body.data.by_key).toEqual([
      { key_id: globex.key.id, requests: 1, tool_calls: 1, errors: 0 },
    ]);
  });

  it('shows a key confined to some MCPs the usage of those MCPs only', async () => {
    const { call, acme, mcp, meter } = await scene();
    const attic = (
      await call('POST', '/v1/mcps', {
        key: acme.secret,
        body: { kind: 'plex', name: 'Attic', url: 'http://attic.local:32400' },
      })
    ).body.data;
    meter.record({
      organizationId: acme.organization.id,
      keyId: acme.key.id,
      mcpId: attic.id,
      tool: 'secret_tool',
      door: 'mcp',
      outcome: 'ok',
      durationMs: 4,
      at: Date.now(),
    });
    const confined = await call('POST', '/v1/api-keys', {
      key: acme.secret,
      body: { name: 'den only', scopes: ['read'], mcp_ids: [mcp.id] },
    });
    const key = confined.body.data.secret as string;

    const usage = (await call('GET', '/v1/usage', { key })).body.data;
    // Den's five calls on MCP doors and its invoke; nothing of Attic, nor /v1 requests.
    expect(usage).toMatchObject({ requests: 5, tool_calls: 6, errors: 1 });
    expect(usage.by_mcp).toEqual([{ mcp_id: mcp.id, tool_calls: 6, errors: 1 }]);
    expect(JSON.stringify(usage)).not.toContain('secret_tool');
    const history = await call('GET', '/v1/usage/history?per_page=100', { key });
    const calls = history.body.data.reduce(
      (sum: number, point: { tool_calls: number }) => sum + point.tool_calls,
      0,
    );
    expect(calls).toBe(6);
    expect((await call('GET', `/v1/usage/history?mcp_id=${attic.id}`, { key })).status).toBe(404);
    // The unconfined key still sees both.
    const whole = (await call('GET', '/v1/usage', { key: acme.secret })).body.data;
    expect(whole.tool_calls).toBe(7);
  });

  it('answers a paginated series with empty buckets, narrowed to a key or an MCP', async () => {
    const { call, acme, mcp } = await scene();
    const day = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    const all = await call('GET', `/v1/usage/history?from=${from}&per_page=100`, {
      key: acme.secret,
    });
    expect(all.status).toBe(200);
    expect(all.body.pagination).toMatchObject({ page: 1, per_page: 100 });
    const total = all.body.pagination.total;
    expect(total).toBe(all.body.data.length);
    const sum = (points: { requests: number; tool_calls: number }[]) =>
      points.reduce((s, p) => [s[0]! + p.requests, s[1]! + p.tool_calls], [0, 0]);
    expect(sum(all.body.data)).toEqual([8, 6]);
    expect(all.body.data.at(-1)).toMatchObject({ start: `${day}T00:00:00.000Z`, requests: 7 });
    const second = await call('GET', `/v1/usage/history?from=${from}&per_page=10&page=2`, {
      key: acme.secret,
    });
    expect(second.body.data.map((p: { start: string }) => p.start)).toEqual(
      all.body.data.slice(10, 20).map((p: { start: string }) => p.start),
    );
    // The last 24 hours by default, oldest first: the current hour is the last bucket.
    const hourly = await call('GET', '/v1/usage/history?granularity=hour&per_page=100', {
      key: acme.secret,
    });
    expect(hourly.body.pagination.total).toBe(25);
    expect(sum(hourly.body.data)).toEqual([7, 6]);
    const byMcp = await call('GET', `/v1/usage/history?per_page=100&mcp_id=${mcp.id}`, {
      key: acme.secret,
    });
    expect(sum(byMcp.body.data)).toEqual([5, 6]);
    const byKey = await call('GET', `/v1/usage/history?per_page=100&key_id=${acme.key.id}`, {
      key: acme.secret,
    });
    expect(sum(byKey.body.data)).toEqual([6, 6]);
    // By tool: this organization's searches (four on the MCP doors, one still in the meter when
    // the scene ended); Globex's search is not counted.
    const byTool = await call('GET', '/v1/usage/history?per_page=100&tool=search', {
      key: acme.secret,
    });
    expect(sum(byTool.body.data)).toEqual([5, 5]);
    expect(byTool.body.data.at(-1)).toMatchObject({ requests: 5, tool_calls: 5, errors: 1 });
    // An invoke's tool call is a tool call but not another request.
    const invoked = await call(
      'GET',
      `/v1/usage/history?per_page=100&tool=library&mcp_id=${mcp.id}`,
      { key: acme.secret },
    );
    expect(sum(invoked.body.data)).toEqual([0, 1]);
    const never = await call('GET', '/v1/usage/history?per_page=100&tool=never_called', {
      key: acme.secret,
    });
    expect(never.status).toBe(200);
    expect(sum(never.body.data)).toEqual([0, 0]);
  });

  it('refuses bad queries with 400 naming the field, and ids of another organization with 404', async () => {
    const { call, acme, globex } = await scene();
    const foreignMcp = (
      await call('POST', '/v1/mcps', {
        key: globex.secret,
        body: { kind: 'plex', name: 'Theirs', url: 'http://theirs.local:32400' },
      })
    ).body.data;
    const bad: [string, string][] = [
      ['granularity=week', 'granularity'],
      ['from=yesterday', 'from'],
      ['to=2026-01-01T00:00:00', 'to'],
      ['from=2026-02-01&to=2026-01-01', 'from'],
      ['from=2026-02-01&to=2026-02-01', 'from'],
      ['from=2024-01-01&to=2026-01-01', 'to'],
      ['mcp_id=nope', 'mcp_id'],
      ['key_id=mcp_x', 'key_id'],
      ['tool=', 'tool'],
      [`tool=${'x'.repeat(201)}`, 'tool'],
      ['per_page=101', 'per_page'],
    ];
    for (const [query, field] of bad) {
      const res = await call('GET', `/v1/usage/history?${query}`, { key: acme.secret });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    for (const query of [
      `mcp_id=${foreignMcp.id}`,
      `mcp_id=${newId('mcp')}`,
      `key_id=${globex.key.id}`,
      `key_id=${newId('key')}`,
    ]) {
      const res = await call('GET', `/v1/usage/history?${query}`, { key: acme.secret });
      expect(res.status, query).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await call('GET', '/v1/usage')).status).toBe(401);
    expect((await call('GET', '/v1/usage/history')).status).toBe(401);
    expect((await call('POST', '/v1/usage', { key: acme.secret, body: {} })).status).toBe(405);
  });
});
