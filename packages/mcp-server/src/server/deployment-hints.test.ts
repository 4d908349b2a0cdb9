import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { findTool, runTool } from '@plexmcp/plex-tools';
import { afterEach, describe, expect, it } from 'vitest';
import { runServedTool, withDeploymentHint } from './deployment-hints.js';

const emulators: ReturnType<typeof createPlexEmulator>[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

/** A client of a fresh emulator, on a socket so that "unreachable" is a refused connection. */
async function plexWith(token?: string) {
  const emulator = createPlexEmulator({ library: 'demo' });
  emulators.push(emulator);
  const { url } = await emulator.listen({ port: 0 });
  const plex = createPlexClient({ baseUrl: url, token: token ?? emulator.token, retry: false });
  return { emulator, plex };
}

function libraryList() {
  const tool = findTool('library_list');
  if (!tool) throw new Error('library_list is missing');
  return tool;
}

describe('deployment hints', () => {
  it("names PLEX_TOKEN and login for Plex's 401, where plex-tools names no setting", async () => {
    const { plex } = await plexWith('revoked-token');
    const ctx = { plex };
    const bare = await runTool(libraryList(), {}, ctx);
    const served = await runServedTool(libraryList(), {}, ctx);
    expect(bare.ok || bare.error.message).not.toMatch(/PLEX_TOKEN|plex-mcp-server/);
    expect(served).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    if (!served.ok) {
      expect(served.error.message).toBe(
        'Plex Media Server rejected the token (401) for GET /library/sections. Check PLEX_TOKEN, or run `plex-mcp-server login` for a new one.',
      );
    }
  });

  it("replaces the client's generic advice with PLEX_URL when Plex is unreachable", async () => {
    const { emulator, plex } = await plexWith();
    emulator.faults.set({ unreachable: true });
    await emulator.idle();
    const served = await runServedTool(libraryList(), {}, { plex });
    expect(served).toMatchObject({ ok: false, error: { code: 'PLEX_UNREACHABLE' } });
    if (!served.ok) {
      expect(served.error.message).toBe(
        'Cannot reach Plex Media Server for GET /library/sections (ECONNREFUSED). Check PLEX_URL and that Plex Media Server is running.',
      );
      expect(served.error.details).toEqual({ plex_code: 'UNREACHABLE' });
    }
  });

  it('leaves a tool’s own use of a code alone (no Plex answer behind it)', () => {
    const own = { code: 'UNAUTHORIZED' as const, message: 'Only the owner may do that. Ask them.' };
    expect(withDeploymentHint(own)).toBe(own);
  });

  it('names the upload-directory settings when local files are off', () => {
    const refusal = {
      code: 'INVALID_INPUT' as const,
      message: 'This server does not read local files. Give the image as url instead.',
      details: { local_files: 'off' },
    };
    expect(withDeploymentHint(refusal).message).toBe(
      'This server does not read local files. Give the image as url instead. (The operator names one with --upload-dir or PLEX_MCP_UPLOAD_DIR.)',
    );
    const other = { code: 'INVALID_INPUT' as const, message: 'limit: too big' };
    expect(withDeploymentHint(other)).toBe(other);
  });
});
