import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlexClient } from '@plexmcp/plex-client';
import {
  type AnyTool,
  describeTool,
  runTool,
  type ToolConfig,
  type ToolErrorCode,
} from '@plexmcp/plex-tools';
import { HttpError, readJson, sendError, sendJson } from './body.js';

/** A tool as REST `/tools` lists it (the shape code generators consume). */
export interface RestTool {
  name: string;
  title: string;
  description: string;
  parameters: Record<string, unknown>;
  output_schema: Record<string, unknown>;
  annotations: Record<string, unknown>;
  access: string;
  module: string;
}

const STATUS: Partial<Record<ToolErrorCode, number>> = {
  INVALID_INPUT: 400,
  // The caller must choose or confirm; nothing failed on the server side.
  AMBIGUOUS: 400,
  CONFIRMATION_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

/** The HTTP status for a tool error code. */
export function statusFor(code: ToolErrorCode): number {
  return STATUS[code] ?? 500;
}

export function restTool(tool: AnyTool): RestTool {
  const d = describeTool(tool);
  return {
    name: d.name,
    title: d.title,
    description: d.description,
    parameters: d.inputSchema,
    output_schema: d.outputSchema,
    annotations: { ...d.annotations },
    access: d.access,
    module: d.module,
  };
}

export interface RestContext {
  plex: PlexClient;
  config: ToolConfig;
  /** Tools the server serves at all (access, toolsets, read-only). */
  tools: ReadonlyMap<string, AnyTool>;
  /** Whether this caller's key may use a tool. */
  allow: (tool: AnyTool) => boolean;
  maxBodyBytes: number;
}

/** Answers `/tools…`; returns false when the path is not a REST route. */
export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: RestContext,
): Promise<boolean> {
  if (path === '/tools' || path === '/tools/') {
    if (!allowMethod(req, res, 'GET')) return true;
    sendJson(res, 200, [...ctx.tools.values()].filter(ctx.allow).map(restTool));
    return true;
  }
  if (path === '/tools/call') {
    if (!allowMethod(req, res, 'POST')) return true;
    await callTool(req, res, ctx);
    return true;
  }
  const match = /^\/tools\/([^/]+)(\/schema)?\/?$/.exec(path);
  if (!match?.[1]) return false;
  if (!allowMethod(req, res, 'GET')) return true;
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    sendError(res, 400, 'INVALID_INPUT', 'The tool name in the path is not valid.');
    return true;
  }
  const tool = lookup(res, name, ctx);
  if (!tool) return true;
  sendJson(res, 200, match[2] ? describeTool(tool).inputSchema : restTool(tool));
  return true;
}

function allowMethod(req: IncomingMessage, res: ServerResponse, method: string): boolean {
  if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return true;
  sendError(res, 405, 'METHOD_NOT_ALLOWED', `Use ${method} here.`, null, { allow: method });
  return false;
}

/** The tool by name, or an answered 404 (not served) / 403 (outside the key's scopes). */
function lookup(res: ServerResponse, name: string, ctx: RestContext): AnyTool | undefined {
  const tool = ctx.tools.get(name);
  if (!tool) {
    sendError(res, 404, 'NOT_FOUND', `There is no tool named "${name}". GET /tools lists them.`);
    return undefined;
  }
  if (!ctx.allow(tool)) {
    sendError(
      res,
      403,
      'FORBIDDEN',
      `This API key's scopes do not include ${tool.access}, which ${name} needs.`,
    );
    return undefined;
  }
  return tool;
}

async function callTool(req: IncomingMessage, res: ServerResponse, ctx: RestContext) {
  let body: unknown;
  try {
    body = await readJson(req, ctx.maxBodyBytes);
  } catch (error) {
    if (error instanceof HttpError) {
      sendError(res, error.status, error.code, error.message);
      return;
    }
    throw error;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendError(
      res,
      400,
      'INVALID_INPUT',
      'Send a JSON object: {"tool_name": "...", "arguments": {}}.',
    );
    return;
  }
  const { tool_name: name, arguments: args } = body as { tool_name?: unknown; arguments?: unknown };
  if (typeof name !== 'string' || !name) {
    sendError(
      res,
      400,
      'INVALID_INPUT',
      'tool_name is required: the name of a tool from GET /tools.',
    );
    return;
  }
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
    sendError(res, 400, 'INVALID_INPUT', 'arguments must be a JSON object.');
    return;
  }
  const tool = lookup(res, name, ctx);
  if (!tool) return;
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const result = await runTool(tool, args ?? {}, {
    plex: ctx.plex,
    config: ctx.config,
    signal: controller.signal,
  });
  if (res.destroyed) return;
  if (!result.ok) {
    const { code, message, details } = result.error;
    sendError(res, statusFor(code), code, message, details ?? null);
    return;
  }
  sendJson(res, 200, {
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
}
