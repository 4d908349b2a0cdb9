// What a remote tool answered, as the platform answers it: the structured content when there is
// one, else the text parsed as JSON when it is JSON, else the content blocks as they came. A
// result marked isError is a tool error: its text is the remote's own words.

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { InvokeOutcome } from '@plexmcp/platform';
import type { ToolErrorCode } from '@plexmcp/plex-tools';

/** The longest remote error text passed on to a caller. */
const MAX_MESSAGE = 1000;

/** The text blocks of a result, joined. */
function textOf(result: CallToolResult): string | undefined {
  const texts = result.content.flatMap((block) => (block.type === 'text' ? [block.text] : []));
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/**
 * The code of a remote tool's failure, when its words tell (the MCP SDK's servers report bad
 * arguments and unknown tools as -32602 in the text); otherwise the remote failed.
 */
function errorCode(text: string): ToolErrorCode {
  if (/-32602|input validation|invalid arguments/i.test(text)) {
    return /\btool\b.*\bnot found\b/i.test(text) ? 'NOT_FOUND' : 'INVALID_INPUT';
  }
  return 'PLEX_ERROR';
}

/** A remote tool's result as an invoke outcome. */
export function remoteOutcome(name: string, result: CallToolResult): InvokeOutcome {
  const text = textOf(result);
  if (result.isError === true) {
    const said = (text ?? '').trim().slice(0, MAX_MESSAGE);
    return {
      ok: false,
      error: {
        code: errorCode(said),
        message: said
          ? `The remote MCP's tool ${name} failed: ${said}`
          : `The remote MCP's tool ${name} failed without saying why.`,
        details: { upstream: 'remote' },
      },
    };
  }
  if (result.structuredContent !== undefined) return { ok: true, data: result.structuredContent };
  if (text !== undefined && result.content.length === 1) {
    try {
      return { ok: true, data: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: the blocks as they came.
    }
  }
  return { ok: true, data: { content: result.content } };
}
