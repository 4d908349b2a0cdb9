import { describe, expect, it } from 'vitest';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { type ToolHarness, toolHarness } from '../testing/harness.js';
import { resolveUser } from './resolve-user.js';
import { clientForUser } from './user-client.js';

function contextOf(h: ToolHarness): ToolContext {
  return {
    plex: h.plex,
    config: { defaultUsername: 'demo_owner' },
    signal: new AbortController().signal,
    progress: () => {},
    attachImage: () => {},
  };
}

/** The server account a client acts as: whose playlists the server lists. */
async function accountIdsOf(h: ToolHarness, username: string): Promise<number[]> {
  const ctx = contextOf(h);
  const client = await clientForUser(ctx, await resolveUser(ctx, username));
  const page = await client.playlists.list();
  return page.items.map(
    (playlist) => h.emulator.state.playlists.get(playlist.ratingKey)?.accountId ?? -1,
  );
}

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error('expected a ToolError');
}

describe('clientForUser', () => {
  it('answers the signed-in client itself for the owner', async () => {
    const h = toolHarness();
    const ctx = contextOf(h);
    expect(await clientForUser(ctx, await resolveUser(ctx, 'demo_owner'))).toBe(h.plex);
  });

  it("acts as a friend with their share's token", async () => {
    const h = toolHarness();
    const ctx = contextOf(h);
    const client = await clientForUser(ctx, await resolveUser(ctx, 'jordan_k'));
    expect(client).not.toBe(h.plex);
    const mine = await client.playlists.list();
    expect(mine.items).toEqual([]);
    const charade = [...h.emulator.state.items.values()].find((i) => i.title === 'Charade');
    await client.playlists.create({
      title: 'Mine',
      type: 'video',
      ratingKeys: [charade?.ratingKey ?? ''],
    });
    expect(await accountIdsOf(h, 'jordan_k')).toEqual([3]);
  });

  it('acts as a home user', async () => {
    const h = toolHarness();
    expect(await accountIdsOf(h, 'alex_home')).toEqual([2]);
  });

  it("falls back to switching to a home user when plex.tv's share list fails", async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      errorRate: 1,
      errorStatus: 503,
      pathPrefix: `${h.emulator.plexTvPath}/api/servers`,
    });
    expect(await accountIdsOf(h, 'alex_home')).toEqual([2]);
    // A friend has no such fallback: the failure is reported without any token.
    const ctx = contextOf(h);
    const error = await failure(clientForUser(ctx, await resolveUser(ctx, 'jordan_k')));
    expect(error.code).toBe('PLEX_ERROR');
    expect(error.message).toContain('jordan_k');
  });

  it('refuses accounts plex.tv does not know, and acting from a sign-in plex.tv cannot tell', async () => {
    const first = toolHarness();
    const alex = [...first.emulator.state.accounts.values()].find(
      (a) => a.username === 'alex_home',
    );
    const h = toolHarness({}, { token: alex?.serverToken ?? '' });
    const ctx = contextOf(h);
    const error = await failure(clientForUser(ctx, await resolveUser(ctx, 'jordan_k')));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('plex.tv could not be read');
  });
});
