import { describe, expect, it } from 'vitest';
import { createSessionStore, csrfMatches } from './sessions.js';

/** A store on a clock the test moves. */
function storeAt(limits: { idleMs?: number; lifetimeMs?: number; max?: number } = {}) {
  const clock = { now: 1_000_000 };
  const store = createSessionStore({
    idleMs: limits.idleMs ?? 1000,
    lifetimeMs: limits.lifetimeMs ?? 5000,
    max: limits.max ?? 100,
    now: () => clock.now,
  });
  return { store, clock };
}

describe('console sessions', () => {
  it('end after an idle while, each use restarting the idle clock', () => {
    const { store, clock } = storeAt();
    const { id } = store.create('key', 'org_1');
    clock.now += 900;
    expect(store.get(id)).toBeDefined();
    clock.now += 900;
    expect(store.get(id)).toBeDefined();
    clock.now += 1001;
    expect(store.get(id)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('end at their lifetime however busy they are', () => {
    const { store, clock } = storeAt();
    const { id } = store.create('key', 'org_1');
    for (let i = 0; i < 5; i++) {
      clock.now += 999;
      expect(store.get(id)).toBeDefined();
    }
    clock.now += 10;
    expect(store.get(id)).toBeUndefined();
  });

  it('get a new random id and CSRF token each, and beyond the cap the oldest ends', () => {
    const { store } = storeAt({ max: 2 });
    const first = store.create('key', 'org_1');
    const second = store.create('key', 'org_1');
    expect(second.id).not.toBe(first.id);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
    const third = store.create('key', 'org_1');
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(second.id)).toBeDefined();
    expect(store.get(third.id)).toBeDefined();
  });

  it('match CSRF tokens exactly', () => {
    const { store } = storeAt();
    const { session } = store.create('key', 'org_1');
    expect(csrfMatches(session, session.csrfToken)).toBe(true);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(session, '')).toBe(false);
    expect(csrfMatches(session, `${session.csrfToken}x`)).toBe(false);
    expect(csrfMatches(session, session.csrfToken.toUpperCase())).toBe(
      session.csrfToken === session.csrfToken.toUpperCase(),
    );
  });

  it('are gone once ended, and unknown ids find nothing', () => {
    const { store } = storeAt();
    const { id } = store.create('key', 'org_1');
    store.end(id);
    expect(store.get(id)).toBeUndefined();
    expect(store.get('never-issued')).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
  });
});
