import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformServer, startPlatformServer } from '../testing/platform-server.js';
import { platformApiTypes } from './generate.js';

const committed = new URL('../generated/platform-api.ts', import.meta.url);

let server: PlatformServer;
beforeAll(async () => {
  server = await startPlatformServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('the committed src/generated/platform-api.ts', () => {
  // `pnpm --filter @plexmcp/sdk generate:platform` runs this file with UPDATE_GENERATED=1.
  it("matches what openapi-typescript generates from the built server's GET /v1/openapi.json", async () => {
    const response = await fetch(`${server.url}/v1/openapi.json`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    expect(response.status).toBe(200);
    const fresh = await platformApiTypes(await response.json());
    if (process.env.UPDATE_GENERATED) writeFileSync(committed, fresh);
    expect(
      readFileSync(committed, 'utf8'),
      'src/generated/platform-api.ts is stale (the /v1 API changed): run `pnpm --filter @plexmcp/sdk generate:platform` after building the server',
    ).toBe(fresh);
  }, 30_000);
});
