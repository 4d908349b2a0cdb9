import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlSnippet, mcpConfigSnippet, sdkSnippet } from './snippets.js';

const spec = {
  origin: 'http://127.0.0.1:3001',
  mcpId: 'mcp_0123456789abcdefghij',
  mcpName: "Bea's Plex",
  tool: 'media_search',
  args: { query: "Howl's Moving Castle", limit: 5 },
};

describe('call snippets', () => {
  it('curl posts the exact body, quoted for the shell, with the key from the environment', () => {
    const snippet = curlSnippet(spec);
    expect(snippet).toContain('$PLEXMCP_API_KEY');
    // What the shell hands curl: printf stands in for curl and prints its arguments.
    const argv = execFileSync('sh', ['-c', snippet.replace(/^curl -s/, "printf '%s\\n'")], {
      env: { PLEXMCP_API_KEY: 'k' },
    })
      .toString()
      .split('\n');
    expect(argv).toContain('http://127.0.0.1:3001/v1/mcp/invoke');
    expect(argv).toContain('Authorization: Bearer k');
    const body = argv[argv.indexOf('-d') + 1] ?? '';
    expect(JSON.parse(body)).toEqual({
      mcp_id: spec.mcpId,
      tool: 'media_search',
      arguments: spec.args,
    });
  });

  it('the SDK snippet invokes the same tool with the same arguments', () => {
    const snippet = sdkSnippet(spec);
    expect(snippet).toContain("import { createPlexMcpPlatform } from '@plexmcp/sdk';");
    expect(snippet).toContain('baseUrl: "http://127.0.0.1:3001"');
    expect(snippet).toContain(`platform.invoke("${spec.mcpId}", "media_search", {`);
    expect(snippet).toContain('"query": "Howl\'s Moving Castle"');
    expect(snippet).toContain('process.env.PLEXMCP_API_KEY');
  });

  it('the MCP config points a client at /mcp/{id} with a key placeholder', () => {
    expect(JSON.parse(mcpConfigSnippet(spec))).toEqual({
      mcpServers: {
        'bea-s-plex': {
          type: 'http',
          url: `http://127.0.0.1:3001/mcp/${spec.mcpId}`,
          headers: { Authorization: 'Bearer <your API key>' },
        },
      },
    });
  });
});
