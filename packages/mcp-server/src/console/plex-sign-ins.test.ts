import { describe, expect, it } from 'vitest';
import { createSignInStore } from './plex-sign-ins.js';
import { createSessionStore } from './sessions.js';

/** A session store whose ended sessions end their sign-ins, as door.ts wires them, on one clock. */
function stores() {
  const clock = { now: 1_000_000 };
  const signIns = createSignInStore(() => clock.now);
  const sessions = createSessionStore(
    { idleMs: 60_000, lifetimeMs: 600_000, max: 2, now: () => clock.now },
    (ended) => signIns.endAllOf(ended),
  );
  return { clock, signIns, sessions };
}

describe('pending plex.tv sign-ins', () => {
  it('belong to the session that started them', () => {
    const { signIns, sessions } = stores();
    const mine = sessions.create('key-a', 'org_1').session;
    const theirs = sessions.create('key-b', 'org_1').session;
    const id = signIns.add(mine, 42, 1_900_000);
    expect(signIns.get(id, mine)?.pinId).toBe(42);
    expect(signIns.get(id, theirs)).toBeUndefined();
  });

  it('end at their expiry, and a session keeps at most three', () => {
    const { clock, signIns, sessions } = stores();
    const session = sessions.create('key', 'org_1').session;
    const first = signIns.add(session, 1, clock.now + 1000);
    const ids = [2, 3, 4].map((pin) => signIns.add(session, pin, clock.now + 60_000));
    expect(signIns.get(first, session)).toBeUndefined();
    expect(ids.map((id) => signIns.get(id, session)?.pinId)).toEqual([2, 3, 4]);
    clock.now += 60_000;
    expect(signIns.get(ids[2] ?? '', session)).toBeUndefined();
  });

  it('end with their session: signed out, expired or pushed out by newer sessions', () => {
    const { clock, signIns, sessions } = stores();
    const out = sessions.create('key', 'org_1');
    signIns.add(out.session, 1, clock.now + 60_000);
    sessions.end(out.id);
    expect(signIns.size()).toBe(0);

    const idle = sessions.create('key', 'org_1');
    signIns.add(idle.session, 2, clock.now + 600_000);
    clock.now += 60_001;
    expect(sessions.get(idle.id)).toBeUndefined();
    expect(signIns.size()).toBe(0);

    const oldest = sessions.create('key', 'org_1');
    signIns.add(oldest.session, 3, clock.now + 60_000);
    sessions.create('key', 'org_1');
    sessions.create('key', 'org_1');
    expect(sessions.get(oldest.id)).toBeUndefined();
    expect(signIns.size()).toBe(0);
  });
});
