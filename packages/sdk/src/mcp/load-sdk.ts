/** The parts of `@modelcontextprotocol/sdk` this entry uses, loaded on first connect. */
export async function loadMcpSdk() {
  try {
    const [client, streamable, types] = await Promise.all([
      import('@modelcontextprotocol/sdk/client/index.js'),
      import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
      import('@modelcontextprotocol/sdk/types.js'),
    ]);
    return {
      Client: client.Client,
      StreamableHTTPClientTransport: streamable.StreamableHTTPClientTransport,
      StreamableHTTPError: streamable.StreamableHTTPError,
      McpError: types.McpError,
      RpcErrorCode: types.ErrorCode,
    };
  } catch (error) {
    // An optional peer: REST users never install it, so say what is missing and how to fix it.
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(
        '@plexmcp/sdk/mcp needs @modelcontextprotocol/sdk ~1.32 (an optional peer dependency): install it, or use createPlexMcpClient from @plexmcp/sdk over REST.',
        { cause: error },
      );
    }
    throw error;
  }
}

/** What {@link loadMcpSdk} answers. */
export type McpSdk = Awaited<ReturnType<typeof loadMcpSdk>>;
