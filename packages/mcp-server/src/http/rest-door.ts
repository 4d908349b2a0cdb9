import { sValidator } from '@hono/standard-validator';
import { describeTool } from '@plexmcp/plex-tools';
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import type { Logger } from '../server/logger.js';
import { logToolFailure } from '../server/logger.js';
import type { FrontDoorEnv } from './guards.js';
import { jsonObject } from './json-object.js';
import { type Door, json, refuse } from './replies.js';
import { findToolFor, isRefusal, runFor, type ServedTools, toolsFor } from './served-tools.js';
import { httpToolError } from './tool-errors.js';
import { moviePilotTool, restTool } from './tool-listing.js';

const TOOL_NAME = v.pipe(
  v.string('tool_name is required: the name of a tool from GET /tools.'),
  v.nonEmpty('tool_name is required: the name of a tool from GET /tools.'),
);
const ARGUMENTS = jsonObject('arguments must be a JSON object.');

/** `POST /tools/call`'s body. */
const CallBody = v.object({ tool_name: TOOL_NAME, arguments: v.optional(ARGUMENTS) });

/** MoviePilot's `POST /api/v1/mcp/tools/call` body: its clients send `"arguments": null` too. */
const MoviePilotCallBody = v.object({
  tool_name: TOOL_NAME,
  arguments: v.optional(v.nullable(ARGUMENTS)),
});

/** How one REST flavour lists tools and answers calls. */
interface Flavour {
  door: Door;
  prefix: string;
  body: v.GenericSchema<
    unknown,
    { tool_name: string; arguments?: Record<string, unknown> | null | undefined }
  >;
  listed: (tool: Parameters<typeof restTool>[0]) => unknown;
}

const OURS: Flavour = { door: 'rest', prefix: '', body: CallBody, listed: restTool };
const MOVIEPILOT: Flavour = {
  door: 'moviepilot',
  prefix: '/api/v1/mcp',
  body: MoviePilotCallBody,
  listed: moviePilotTool,
};

/**
 * REST routes: ours at `/tools…` (`error` an object, status following the error) and
 * MoviePilot's at `/api/v1/mcp/tools…` (`error` one string, 200 for a tool's own failure).
 */
export function mountRestDoors(
  app: Hono<FrontDoorEnv>,
  served: ServedTools,
  logger: Logger,
  allowOnly: (app: Hono<FrontDoorEnv>, path: string, methods: string) => void,
): void {
  for (const flavour of [OURS, MOVIEPILOT]) {
    const { door, prefix } = flavour;
    const invalid = (message: string) =>
      refuse(door, { status: 400, code: 'INVALID_INPUT', message });

    app.post(
      `${prefix}/tools/call`,
      sValidator('json', flavour.body, (result) => {
        if (!result.success) {
          return invalid(
            `Send a JSON object {"tool_name": "...", "arguments": {}}: ${result.error[0]?.message ?? 'wrong shape'}`,
          );
        }
      }),
      async (c) => {
        const { tool_name: name, arguments: args } = c.req.valid('json');
        const caller = c.get('caller');
        const found = findToolFor(served, caller, name);
        if (isRefusal(found)) {
          // MoviePilot's clients read an unknown tool as the call's own failure.
          if (door === 'moviepilot' && found.status === 404) return moviePilotFailure(found);
          return refuse(door, found);
        }
        const result = await runFor(served, caller, found, args ?? {}, c.req.raw.signal);
        if (!result.ok) {
          logToolFailure(logger, found.name, result.error);
          const failure = httpToolError(result.error);
          if (door === 'moviepilot') return moviePilotFailure(failure);
          return refuse(door, failure);
        }
        if (door === 'moviepilot') {
          // `result` is the text an MCP client reads.
          return json(200, { success: true, result: JSON.stringify(result.data), error: null });
        }
        return json(200, {
          success: true,
          result: result.data,
          error: null,
          ...(result.images.length > 0
            ? {
                images: result.images.map((image) => ({
                  mime_type: image.mimeType,
                  data: Buffer.from(image.data).toString('base64'),
                })),
              }
            : {}),
        });
      },
    );
    allowOnly(app, `${prefix}/tools/call`, 'POST');

    app.get(`${prefix}/tools`, (c) =>
      json(200, toolsFor(served, c.get('caller')).map(flavour.listed)),
    );
    const one = (c: Context<FrontDoorEnv>, schemaOnly: boolean) => {
      const found = findToolFor(served, c.get('caller'), c.req.param('name') ?? '');
      if (isRefusal(found)) return refuse(door, found);
      return json(200, schemaOnly ? describeTool(found).inputSchema : flavour.listed(found));
    };
    app.get(`${prefix}/tools/:name/schema`, (c) => one(c, true));
    app.get(`${prefix}/tools/:name`, (c) => one(c, false));
    for (const path of ['/tools', '/tools/:name', '/tools/:name/schema']) {
      allowOnly(app, `${prefix}${path}`, 'GET, HEAD');
    }
  }
}

/** MoviePilot's failed call: 200, `error` one sentence with the code first. */
function moviePilotFailure(failure: { code: string; message: string }): Response {
  return json(200, { success: false, result: null, error: `${failure.code}: ${failure.message}` });
}
