// A member's new role reaches their keys at once on the server that changed it: the answer it
// keeps about each key for 0.9 s is dropped, as after a revocation, so a key narrowed to the new
// role cannot keep managing the organization for the rest of that second.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Cleanups, platformScene } from '../testing/platform-scene.js';

const cleanups: Cleanups = [];
let scene: Awaited<ReturnType<typeof platformScene>>;

beforeAll(async () => {
  scene = await platformScene(cleanups);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it("narrows and revokes a demoted member's keys at once, not a second later", async () => {
  const bea = await scene.v1('POST', '/organization/members', {
    email: 'bea@home.example',
    name: 'Bea',
    role: 'admin',
  });
  const keyOf = async (scopes: string[]) =>
    (
      await scene.v1('POST', '/api-keys', {
        name: scopes.join('+'),
        scopes,
        member_id: bea.body.data.id,
      })
    ).body.data.secret as string;
  const readAdmin = await keyOf(['read', 'admin']);
  const adminOnly = await keyOf(['admin']);
  // Both answers are now kept by the server.
  expect((await scene.v1('GET', '/organization/members', undefined, readAdmin)).status).toBe(200);
  expect((await scene.v1('GET', '/organization', undefined, adminOnly)).status).toBe(200);

  const demoted = await scene.v1('PATCH', `/organization/members/${bea.body.data.id}`, {
    role: 'member',
  });
  expect(demoted.body.data).toMatchObject({ role: 'member', narrowed_keys: 1, revoked_keys: 1 });

  const manage = await scene.v1(
    'POST',
    '/organization/members',
    { email: 'cy@home.example', name: 'Cy' },
    readAdmin,
  );
  expect(manage.status).toBe(403);
  expect((await scene.v1('GET', '/organization', undefined, readAdmin)).status).toBe(200);
  expect((await scene.v1('GET', '/organization', undefined, adminOnly)).status).toBe(401);
});
