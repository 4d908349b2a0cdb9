import { afterEach, describe, expect, it } from 'vitest';
import { seedBase, serverInfo } from '../data/base.js';
import { createRng } from '../data/rng.js';
import { Faults } from '../faults/faults.js';
import { ActivityRunner } from '../services/activities.js';
import { NotificationHub } from '../services/notifications.js';
import { createServices } from '../services/services.js';
import { EmulatorState } from '../state/store.js';
import { HttpError } from './context.js';
import { type DispatchDeps, dispatch } from './dispatch.js';
import { json } from './responses.js';
import { Router } from './router.js';

const TOKEN = 'owner-secret-token';

function setup(): DispatchDeps {
  const base = {
    token: TOKEN,
    machineIdentifier: 'abc123',
    friendlyName: 'Test',
    allowMediaDeletion: true,
  };
  const state = new EmulatorState(serverInfo(base));
  seedBase(state, base, 1_700_000_000);
  const hub = new NotificationHub();
  const services = createServices({
    now: () => 1_700_000_000_000,
    hub,
    activities: new ActivityRunner(state.activities, hub, 5),
    logs: state.logs,
    behaviour: { requireContainerSize: false, plexTvPath: '/plex.tv' },
  });
  const pms = new Router().add([
    { method: 'GET', path: '/identity', public: true, handler: () => json({ ok: true }) },
    {
      method: 'GET',
      path: '/whoami',
      handler: (ctx) =>
        json({ user: ctx.account?.username, client: ctx.clientIdentifier, page: ctx.page }),
    },
    {
      method: 'GET',
      path: '/teapot',
      handler: () => {
        throw new HttpError(400, 'bad teapot');
      },
    },
    {
      method: 'GET',
      path: '/broken',
      handler: () => {
        throw new Error('boom');
      },
    },
  ]);
  const plexTv = new Router().add([
    { method: 'GET', path: '/api/v2/user', handler: (ctx) => json({ id: ctx.account?.plexId }) },
  ]);
  return { pms, plexTv, state, services, faults: new Faults(createRng(7)) };
}

const get = (deps: DispatchDeps, path: string, headers: Record<string, string> = {}) =>
  dispatch(deps, new Request(`http://plex.test${path}`, { headers }), 'fetch');

describe('dispatch', () => {
  let deps = setup();
  afterEach(() => {
    deps = setup();
  });

  it('answers 401 with Plex HTML when the token is missing or wrong', async () => {
    for (const headers of [{}, { 'X-Plex-Token': 'nope' }]) {
      const response = await get(deps, '/whoami', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toContain('<h1>401 Unauthorized</h1>');
    }
  });

  it('accepts the token as header or query and knows the caller', async () => {
    const byHeader = await get(deps, '/whoami', {
      'X-Plex-Token': TOKEN,
      'X-Plex-Client-Identifier': 'client-1',
    });
    expect(await byHeader.json()).toMatchObject({ user: 'demo_owner', client: 'client-1' });
    const byQuery = await get(deps, `/whoami?X-Plex-Token=${TOKEN}&X-Plex-Container-Size=3`);
    expect(await byQuery.json()).toMatchObject({ user: 'demo_owner', page: { size: 3 } });
  });

  it('knows other accounts by their server tokens', async () => {
    const friend = [...deps.state.accounts.values()].find((a) => a.username === 'jordan_k')!;
    const response = await get(deps, '/whoami', { 'X-Plex-Token': friend.serverToken });
    expect(await response.json()).toMatchObject({ user: 'jordan_k' });
  });

  it('serves public routes without a token', async () => {
    expect((await get(deps, '/identity')).status).toBe(200);
  });

  it('answers unknown paths 404 and wrong methods 405, both in HTML', async () => {
    const missing = await get(deps, '/nothing', { 'X-Plex-Token': TOKEN });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('404 Not Found');
    const wrong = await dispatch(
      deps,
      new Request('http://plex.test/identity', { method: 'DELETE' }),
      'fetch',
    );
    expect(wrong.status).toBe(405);
  });

  it('turns handler errors into HTML error pages and logs them', async () => {
    const bad = await get(deps, '/teapot', { 'X-Plex-Token': TOKEN });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('400 Bad Request');
    const broken = await get(deps, '/broken', { 'X-Plex-Token': TOKEN });
    expect(broken.status).toBe(500);
    const log = deps.state.logs['Plex Media Server.log'].map((line) => line.message);
    expect(log.some((m) => m.includes('boom'))).toBe(true);
  });

  it('logs requests with the token redacted', async () => {
    await get(deps, `/whoami?X-Plex-Token=${TOKEN}`);
    const log = deps.state.logs['Plex Media Server.log'].map((line) => line.message).join('\n');
    expect(log).toContain('GET /whoami');
    expect(log).not.toContain(TOKEN);
  });

  it('routes the plex.tv prefix to plex.tv routes with JSON errors', async () => {
    const ok = await get(deps, '/plex.tv/api/v2/user', { 'X-Plex-Token': TOKEN });
    expect(await ok.json()).toEqual({ id: 8675309 });
    const denied = await get(deps, '/plex.tv/api/v2/user');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({
      errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }],
    });
  });

  describe('faults', () => {
    it('injects HTTP errors at the configured rate', async () => {
      deps.faults.set({ errorRate: 1, errorStatus: 503 });
      const response = await get(deps, '/identity');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('503 Service Unavailable');
    });

    it('fails like a refused connection when unreachable, and recovers', async () => {
      deps.faults.set({ unreachable: true });
      await expect(get(deps, '/identity')).rejects.toMatchObject({
        name: 'TypeError',
        cause: { code: 'ECONNREFUSED' },
      });
      deps.faults.reset();
      expect((await get(deps, '/identity')).status).toBe(200);
    });

    it('drops connections like a reset', async () => {
      deps.faults.set({ dropRate: 1 });
      await expect(get(deps, '/identity')).rejects.toMatchObject({
        cause: { code: 'ECONNRESET' },
      });
    });

    it('delays answers and lets the caller abort the wait', async () => {
      deps.faults.set({ latencyMs: 60 });
      const started = performance.now();
      await get(deps, '/identity');
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);

      const aborter = new AbortController();
      const pending = dispatch(
        deps,
        new Request('http://plex.test/identity', { signal: aborter.signal }),
        'fetch',
      );
      aborter.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('limits faults to a path prefix', async () => {
      deps.faults.set({ errorRate: 1, pathPrefix: '/library' });
      expect((await get(deps, '/identity')).status).toBe(200);
    });
  });
});
