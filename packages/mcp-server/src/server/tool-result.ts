import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolResult } from '@plexmcp/plex-tools';

/** Where an error result carries its code and details for programs. */
export const ERROR_META_KEY = 'plexmcp/error';

/**
 * A tool result as MCP wants it. Success: `structuredContent` plus one compact JSON text block
 * (for clients that only read text) and any images as image content. Failure: `isError` with a
 * text block naming the code and the next step, and NO `structuredContent` — the SDK's client
 * validates structuredContent against the output schema even on errors.
 */
export function toCallToolResult(result: ToolResult): CallToolResult {
  if (!result.ok) {
    const { code, message, details } = result.error;
    return {
      isError: true,
      content: [{ type: 'text', text: `${code}: ${message}` }],
      // For programs (the SDK): the same code plus the details REST sends, e.g. AMBIGUOUS's
      // candidates. `_meta` is not shown to the model, so it costs no tokens.
      _meta: { [ERROR_META_KEY]: { code, details: details ?? null } },
    };
  }
  return {
    structuredContent: result.data,
    content: [
      { type: 'text', text: JSON.stringify(result.data) },
      ...result.images.map((image) => ({
        type: 'image' as const,
        data: Buffer.from(image.data).toString('base64'),
        mimeType: image.mimeType,
      })),
    ],
  };
}
