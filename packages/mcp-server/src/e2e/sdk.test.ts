// @plexmcp/sdk is resolved through the workspace aliases (vitest.shared.ts, tsconfig paths), not
// a package.json dependency: the SDK already depends on this package for its own tests.
import { type CallResult, createPlexMcpClient } from '@plexmcp/sdk';
import { connectPlexMcpClient, type PlexMcpSession } from '@plexmcp/sdk/mcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../testing/recording-fetch.js';
import type { ToolCaller } from '../testing/tool-caller.js';
import { Transcript } from '../testing/transcript.js';
import { movieNightSteps } from './movie-night.js';
import { API_KEY, builtHttpScene, CALL_TIMEOUT, PLEX_TOKEN } from './scene.js';

const transcript = new Transcript();
const fetchAndRecord = recordingFetch(transcript) as typeof fetch;

/** The SDK's `{ data } | { error }` as the scripted session's outcome. */
function sdkCaller(call: (name: string, args: object) => Promise<CallResult<unknown>>): ToolCaller {
  return async (name, args = {}) => {
    const result = await call(name, args);
    if (result.error) return { ok: false, code: result.error.code, message: result.error.message };
    return { ok: true, data: result.data as Record<string, unknown> };
  };
}

/** One emulator and one built HTTP server (the scene's API key) for a describe block. */
function sdkScene() {
  return builtHttpScene(transcript);
}

describe('@plexmcp/sdk over REST', { timeout: CALL_TIMEOUT }, () => {
  const scene = sdkScene();
  beforeAll(() => {
    const plex = createPlexMcpClient({
      baseUrl: scene.server.url,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    scene.call = sdkCaller((name, args) => plex.call(name as 'library_list', args as never));
  });

  movieNightSteps(() => scene, 'SDK REST');

  it('answers a tool error as { error } with the code and the next step', async () => {
    const plex = createPlexMcpClient({
      baseUrl: scene.server.url,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    const result = await plex.tools.media_get_details({ media: 'Sherlock Holmes' });
    expect(result.error?.code).toBe('AMBIGUOUS');
    expect(result.error?.message).toMatch(/Call again with media set to one id/);
  });
});

describe('@plexmcp/sdk over MCP', { timeout: CALL_TIMEOUT }, () => {
  const scene = sdkScene();
  let session: PlexMcpSession<import('@plexmcp/sdk').PlexTools>;
  beforeAll(async () => {
    session = await connectPlexMcpClient({
      url: `${scene.server.url}/mcp`,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    scene.call = sdkCaller((name, args) => session.call(name as 'library_list', args as never));
  });
  afterAll(() => session?.close());

  movieNightSteps(() => scene, 'SDK MCP');

  it('answers a tool error as { error } parsed from the MCP error result', async () => {
    const result = await session.tools.media_get_details({ media: '999999' });
    expect(result.error?.code).toBe('NOT_FOUND');
  });
});

describe('secrets in the SDK run', () => {
  it('never shows the Plex token or the API key', () => {
    const text = transcript.text();
    expect(text).toContain('Movie night (SDK REST)');
    expect(text).not.toContain(PLEX_TOKEN);
    expect(text).not.toContain(API_KEY);
  });
});
