import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolResult } from '@plexmcp/plex-tools';

/**
 * A tool result as MCP wants it. Success: `structuredContent` plus one compact JSON text block
 * (for clients that only read text) and any images as image content. Failure: `isError` with a
 * text block naming the code and the next step, and NO `structuredContent` — the SDK's client
 * validates structuredContent against the output schema even on errors.
 */
export function toCallToolResult(result: ToolResult): CallToolResult {
  if (!result.ok) {
    return {
      isError: true,
      content: [{ type: 'text', text: `${result.error.code}: ${result.error.message}` }],
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
