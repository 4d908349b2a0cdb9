import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** One tool call's outcome, the same whichever way it travelled. */
export type ToolOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: string; message: string };

/** Calls a tool by name; the scripted sessions run over any transport through this. */
export type ToolCaller = (name: string, args?: Record<string, unknown>) => Promise<ToolOutcome>;

/**
 * Calls over MCP. A success must carry `structuredContent` and the same JSON as its text block; a
 * failure is `isError` with one `CODE: message` text block and no `structuredContent`.
 */
export function mcpCaller(client: Client): ToolCaller {
  return async (name, args = {}) => {
    const result = await client.callTool({ name, arguments: args });
    const content = result.content as { type: string; text?: string }[];
    const text = content[0]?.type === 'text' ? (content[0].text ?? '') : '';
    if (result.isError) {
      if (result.structuredContent !== undefined) {
        throw new Error(`${name}: an error result carried structuredContent`);
      }
      const match = /^([A-Z_]+): ([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: error text is not "CODE: message": ${text}`);
      return { ok: false, code: match[1] as string, message: match[2] as string };
    }
    const data = result.structuredContent as Record<string, unknown> | undefined;
    if (data === undefined) throw new Error(`${name}: a success without structuredContent`);
    if (text !== JSON.stringify(data)) {
      throw new Error(`${name}: the text block differs from structuredContent`);
    }
    return { ok: true, data };
  };
}

/** Calls over REST `POST /tools/call`, checking that the HTTP status agrees with the outcome. */
export function restCaller(
  baseUrl: string,
  apiKey: string | undefined,
  fetch: FetchLike,
): ToolCaller {
  return async (name, args = {}) => {
    const response = await fetch(`${baseUrl}/tools/call`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ tool_name: name, arguments: args }),
    });
    const body = (await response.json()) as {
      success: boolean;
      result: Record<string, unknown> | null;
      error: { code: string; message: string } | null;
    };
    if (body.success !== response.ok) {
      throw new Error(`${name}: HTTP ${response.status} but success=${body.success}`);
    }
    if (body.success && body.result) return { ok: true, data: body.result };
    if (!body.error) throw new Error(`${name}: a failure without an error object`);
    return { ok: false, code: body.error.code, message: body.error.message };
  };
}
