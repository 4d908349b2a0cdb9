// Using an organization's MCPs: its tools, a tool call, its resources. Who may is decided here
// (the MCP must be the caller's, and within the key's MCPs; the tool's access must be within
// the key's scopes, checked before the arguments are looked at); the runtime does the work.

import * as v from 'valibot';
import { notFound, PlatformError } from '../http/platform-error.js';
import { fromToolError } from '../http/tool-errors.js';
import { jsonRecord, pathId } from '../http/validation.js';
import { isId } from '../ids.js';
import type { McpRuntime, McpTarget, RuntimeCall, RuntimeTool } from '../runtime/mcp-runtime.js';
import type { Caller } from '../services/caller.js';
import type { McpTargets } from '../services/mcp-targets.js';
import { callerOf, defineV1Route } from './define.js';

const mcpIdString = v.pipe(
  v.string(),
  v.check((s) => isId('mcp', s), 'must be an MCP id (mcp_…)'),
  v.description('The MCP (mcp_…).'),
);
const mcpId = pathId((s) => isId('mcp', s), 'An MCP id (mcp_…).');

/** `POST /mcp/invoke`. */
export const InvokeBody = v.strictObject({
  mcp_id: mcpIdString,
  tool: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200), v.description('The tool to call.')),
  arguments: v.optional(
    v.pipe(
      jsonRecord(v.unknown()),
      v.description("The tool's arguments; GET /v1/mcps/{id}/tools has each tool's schema."),
    ),
    {},
  ),
});

/** `POST /mcp/resources`: list with `mcp_id` alone, read one with `uri`. */
export const ResourcesBody = v.strictObject({
  mcp_id: mcpIdString,
  uri: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(2048))),
});

/** A tool as `GET /tools` lists it. */
export const ToolSchema = v.object({
  name: v.string(),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  parameters: v.pipe(
    v.record(v.string(), v.unknown()),
    v.description('JSON Schema of the arguments.'),
  ),
  output_schema: v.optional(v.record(v.string(), v.unknown())),
  annotations: v.optional(v.record(v.string(), v.unknown())),
  access: v.pipe(
    v.picklist(['read', 'write', 'delete']),
    v.description('The scope a key needs to call it.'),
  ),
  module: v.optional(v.string()),
});

const ResourceEntrySchema = v.object({
  uri: v.pipe(v.string(), v.description('The URI, or the URI template of a template.')),
  name: v.string(),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  mimeType: v.optional(v.string()),
});

/** What `POST /mcp/resources` answers. */
export const ResourcesAnswerSchema = v.union([
  v.object({ resources: v.array(ResourceEntrySchema), templates: v.array(ResourceEntrySchema) }),
  v.object({
    contents: v.array(
      v.object({
        uri: v.string(),
        mimeType: v.optional(v.string()),
        text: v.optional(v.string()),
        blob: v.optional(v.string()),
      }),
    ),
  }),
]);

/** The tools a caller may use on an MCP: the key's scopes narrow the MCP's. */
function usable(tools: RuntimeTool[], caller: Caller): RuntimeTool[] {
  return tools.filter((tool) => caller.scopes.includes(tool.access));
}

/** The invoke, tools and resources routes, over the runtime the server provides. */
export function invokeRoutes(runtime: McpRuntime, targets: McpTargets) {
  const target = (caller: Caller, id: string): Promise<McpTarget> => targets.load(caller, id);
  const runtimeCall = (caller: Caller, signal: AbortSignal): RuntimeCall => ({ caller, signal });

  return [
    defineV1Route({
      method: 'GET',
      path: '/mcps/:id/tools',
      summary: "An MCP's tools",
      description:
        'The tools this key may call on the MCP, each as GET /tools lists it (name, parameters, output_schema, access…).',
      params: { id: mcpId },
      response: v.array(ToolSchema),
      handler: async ({ params }, c) => {
        const caller = callerOf(c);
        const mcp = await target(caller, params.id);
        const tools = await runtime.tools(mcp, runtimeCall(caller, c.req.raw.signal));
        return usable(tools, caller).map((tool) => tool.listing);
      },
    }),
    defineV1Route({
      method: 'POST',
      path: '/mcp/invoke',
      summary: 'Call a tool of an MCP',
      description:
        "Answers the tool's structured result as data. The key's scopes are checked against the tool before its arguments; tool failures answer PLATFORM's codes (invalid_request 400, not_found 404, forbidden 403, upstream_* 502/503/504…).",
      body: InvokeBody,
      response: v.pipe(v.unknown(), v.description("The tool's structured result.")),
      handler: async ({ body }, c) => {
        const caller = callerOf(c);
        const mcp = await target(caller, body.mcp_id);
        const call = runtimeCall(caller, c.req.raw.signal);
        const tool = await runtime.tool(mcp, body.tool, call);
        if (!tool) {
          throw notFound(
            `MCP ${body.mcp_id} has no tool named "${body.tool}". GET /v1/mcps/${body.mcp_id}/tools lists them.`,
          );
        }
        if (!caller.scopes.includes(tool.access)) {
          throw new PlatformError(
            'forbidden',
            403,
            `${tool.name} needs a key with the ${tool.access} scope.`,
            { required_scope: tool.access },
          );
        }
        const outcome = await runtime.invoke(mcp, tool, body.arguments, call);
        if (!outcome.ok) throw fromToolError(outcome.error);
        return outcome.data;
      },
    }),
    defineV1Route({
      method: 'POST',
      path: '/mcp/resources',
      summary: "List or read an MCP's resources",
      description:
        "With mcp_id alone: the resources and resource templates (plex://library/{id}, plex://item/{id} on a Plex MCP). With uri: that resource's contents.",
      scope: 'read',
      body: ResourcesBody,
      response: ResourcesAnswerSchema,
      handler: async ({ body }, c) => {
        const caller = callerOf(c);
        const mcp = await target(caller, body.mcp_id);
        const call = runtimeCall(caller, c.req.raw.signal);
        if (body.uri === undefined) return runtime.resources(mcp, call);
        const read = await runtime.readResource(mcp, body.uri, call);
        if (!read.ok) throw fromToolError(read.error);
        return read.data;
      },
    }),
  ];
}
