import { describe, expectTypeOf, test } from 'vitest';
import {
  type CallContext,
  callTool,
  type ToolInput,
  type ToolName,
  type ToolOutput,
  type ToolResult,
} from './index.js';

/** Type tests of `callTool` (checked by `pnpm typecheck`, never run). */

declare const ctx: CallContext;

describe('callTool with a tool name written out', () => {
  test('answers the tool’s own output type', async () => {
    const result = await callTool('media_search', { query: 'charade' }, ctx);
    expectTypeOf(result).toEqualTypeOf<ToolResult<ToolOutput<'media_search'>>>();
    if (result.ok) {
      expectTypeOf(result.data.results[0]?.title).toEqualTypeOf<string | undefined>();
      expectTypeOf(result.data.has_more).toEqualTypeOf<boolean>();
    }
  });

  test('takes the defaults as optional and the ids as number or string', () => {
    expectTypeOf<ToolInput<'media_search'>>().toHaveProperty('limit');
    void callTool('media_get_details', { media: '1002' }, ctx);
    void callTool('media_get_details', { media: '1002' }, ctx);
    void callTool('library_list', {}, ctx);
  });

  test('refuses a misspelt tool name', () => {
    // @ts-expect-error there is no tool media_serch
    void callTool('media_serch', { query: 'charade' }, ctx);
  });

  test('refuses a wrong argument type, a missing required one and an unknown enum value', () => {
    // @ts-expect-error query is a string
    void callTool('media_search', { query: 42 }, ctx);
    // @ts-expect-error query is required
    void callTool('media_search', { limit: 5 }, ctx);
    // @ts-expect-error not an action client_control_playback knows
    void callTool('client_control_playback', { client: 'TV', action: 'rewind' }, ctx);
  });

  test('knows every tool by name', () => {
    expectTypeOf<'media_search' | 'library_list' | 'playlist_create'>().toExtend<ToolName>();
    expectTypeOf<'media_serch'>().not.toExtend<ToolName>();
  });
});

describe('callTool with a name only known at run time', () => {
  test('answers unknown data, never any', async () => {
    const name: string = 'media_search';
    const result = await callTool(name, { anything: true }, ctx);
    expectTypeOf(result).toEqualTypeOf<ToolResult<unknown>>();
    if (result.ok) expectTypeOf(result.data).toBeUnknown();
  });

  test('a union of tool names types the arguments as any of theirs', async () => {
    const name = 'library_list' as ToolName;
    const result = await callTool(name, {} as ToolInput<typeof name>, ctx);
    if (result.ok) expectTypeOf(result.data).not.toBeAny();
  });
});
