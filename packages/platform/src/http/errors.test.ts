import { ToolError } from '@plexmcp/plex-tools';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from './errors.js';

/** An app whose one route throws `error`, with the /v1 error handler and a recording log. */
function throwing(error: unknown) {
  const logged: string[] = [];
  const app = new Hono();
  app.get('/boom', () => {
    throw error;
  });
  app.onError(handleError({ error: (message) => logged.push(message) }));
  return { app, logged };
}

describe('handleError', () => {
  it("answers a runtime's thrown ToolError with PLATFORM's code and status, not a 500", async () => {
    const { app, logged } = throwing(
      new ToolError('PLEX_UNREACHABLE', 'The remote MCP cannot be reached.', {
        upstream: 'remote',
      }),
    );
    const res = await app.request('/boom');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      success: false,
      error: {
        code: 'upstream_unavailable',
        message: 'The remote MCP cannot be reached.',
        details: { upstream: 'remote' },
      },
    });
    expect(logged).toEqual([]);
  });

  it('answers anything else 500 with a generic message, the cause going to the log only', async () => {
    const { app, logged } = throwing(new Error('secret-path /etc/x'));
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret-path');
    expect(logged[0]).toContain('secret-path');
  });
});
