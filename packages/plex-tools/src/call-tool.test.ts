import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { runTool } from './call-tool.js';
import { defineTool } from './define-tool.js';
import { ToolError } from './errors.js';
import { toolHarness } from './testing/harness.js';

const echo = defineTool({
  name: 'test_echo',
  module: 'server',
  access: 'read',
  title: 'Echo',
  description: 'Test tool.',
  input: v.object({
    count: v.pipe(v.number(), v.integer(), v.description('n')),
    word: v.pipe(v.string(), v.description('w')),
  }),
  output: v.object({ words: v.array(v.string()) }),
  async run(ctx, input) {
    ctx.progress({ progress: 1, total: 1 });
    if (input.word === 'boom') throw new Error('kaput');
    if (input.word === 'refuse')
      throw new ToolError('CONFIRMATION_REQUIRED', 'say please', { target: 'x' });
    if (input.word === 'bad-output') return { words: 'not an array' } as never;
    return { words: Array.from({ length: input.count }, () => input.word) };
  },
});

describe('callTool', () => {
  const h = toolHarness({ library: 'empty' });
  const ctx = { plex: h.plex };

  it('returns validated data', async () => {
    expect(await runTool(echo, { count: 2, word: 'hi' }, ctx)).toEqual({
      ok: true,
      data: { words: ['hi', 'hi'] },
      images: [],
    });
  });

  it('lists every bad field with what was expected', async () => {
    const result = await runTool(echo, { count: 1.5 }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details?.issues).toEqual([
      { field: 'count', problem: 'Invalid integer: Received 1.5' },
      { field: 'word', problem: 'required' },
    ]);
    expect(result.error.message).toMatch(
      /^Invalid arguments for test_echo: count: .*; word: .*\. Fix these fields/,
    );
  });

  it('passes tool errors through with their details', async () => {
    expect(await runTool(echo, { count: 1, word: 'refuse' }, ctx)).toEqual({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', message: 'say please', details: { target: 'x' } },
    });
  });

  it('turns unexpected exceptions into INTERNAL, their text for the operator only', async () => {
    expect(await runTool(echo, { count: 1, word: 'boom' }, ctx)).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Unexpected failure inside the tool; the server log has the details.',
        logDetail: expect.stringContaining('kaput'),
      },
    });
  });

  it('refuses output that breaks the tool’s own schema', async () => {
    const result = await runTool(echo, { count: 1, word: 'bad-output' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('at words');
  });

  it('reports progress to the caller', async () => {
    const updates: unknown[] = [];
    await runTool(echo, { count: 1, word: 'x' }, { ...ctx, onProgress: (u) => updates.push(u) });
    expect(updates).toEqual([{ progress: 1, total: 1 }]);
  });

  it('answers an unknown tool name with NOT_FOUND', async () => {
    expect(await h.call('no_such_tool')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('maps a revoked token to UNAUTHORIZED with what to do', async () => {
    const bad = toolHarness({}, { token: 'tok-5ecret-x9' });
    const result = await bad.call('library_list');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', details: { status: 401 } },
    });
    if (!result.ok) {
      expect(result.error.message).toContain('sign in again');
      // Which setting holds the token is the serving application's to say (mcp-server does).
      expect(result.error.message).not.toMatch(/PLEX_TOKEN|plex-mcp-server/);
      expect(JSON.stringify(result)).not.toContain('tok-5ecret-x9');
    }
  });

  it('maps a slow Plex to TIMEOUT', async () => {
    const slow = toolHarness({}, { timeoutMs: 50 });
    slow.emulator.faults.set({ latencyMs: 200 });
    expect(await slow.call('library_list')).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT' },
    });
  });
});
