import type { PlexClient } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ProgressUpdate, ToolConfig, ToolContext, ToolImage } from './context.js';
import type { AnyTool } from './define-tool.js';
import { type ToolErrorInfo, toToolError } from './errors.js';
import { applyInputAliases } from './input-aliases.js';
import { findTool, type ToolInput, type ToolName, type ToolOutput } from './registry.js';

/** What a caller provides to run a tool. */
export interface CallContext {
  plex: PlexClient;
  config?: ToolConfig;
  signal?: AbortSignal;
  onProgress?: (update: ProgressUpdate) => void;
}

/** The outcome of a tool call: data (and any images) or a coded error. Never throws. */
export type ToolResult<Data = Record<string, unknown>> =
  | { ok: true; data: Data; images: ToolImage[] }
  | { ok: false; error: ToolErrorInfo };

/**
 * Only a name whose type is plain `string` (one read at run time): a literal must be a tool's
 * name, so a misspelt one fails to compile instead of falling through to the loose overload.
 */
type DynamicName<Name extends string> = string extends Name ? Name : never;

/**
 * Validates arguments, runs the tool, validates its output. With a tool's name written out, the
 * arguments are checked at compile time and `data` has the tool's output type.
 */
export function callTool<Name extends ToolName>(
  name: Name,
  args: ToolInput<Name>,
  ctx: CallContext,
): Promise<ToolResult<ToolOutput<Name>>>;
/** A name only known at run time: the arguments are checked when the call runs. */
export function callTool<Name extends string>(
  name: DynamicName<Name>,
  args: unknown,
  ctx: CallContext,
): Promise<ToolResult<unknown>>;
export async function callTool(name: string, args: unknown, ctx: CallContext): Promise<ToolResult> {
  const tool = findTool(name);
  if (!tool) {
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `There is no tool named "${name}". List the tools to see their names.`,
      },
    };
  }
  return runTool(tool, args, ctx);
}

/** Runs one tool definition (the registry lookup already done). */
export async function runTool(tool: AnyTool, args: unknown, ctx: CallContext): Promise<ToolResult> {
  const aliased = applyInputAliases(tool, args ?? {});
  if (!aliased.ok) return { ok: false, error: aliased.error };
  const parsed = v.safeParse(tool.input, aliased.args);
  if (!parsed.success) return { ok: false, error: invalidInput(tool.name, parsed.issues) };

  const images: ToolImage[] = [];
  const toolContext: ToolContext = {
    plex: ctx.plex,
    config: ctx.config ?? {},
    signal: ctx.signal ?? new AbortController().signal,
    progress: (update) => ctx.onProgress?.(update),
    attachImage: (image) => images.push(image),
  };
  let data: unknown;
  try {
    data = await tool.run(toolContext, parsed.output);
  } catch (error) {
    return { ok: false, error: toToolError(error) };
  }
  const checked = v.safeParse(tool.output, data);
  if (!checked.success) {
    const issue = checked.issues[0];
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `${tool.name} produced output that does not match its schema at ${v.getDotPath(issue) ?? 'the root'}: ${issue.message}`,
      },
    };
  }
  return { ok: true, data: checked.output as Record<string, unknown>, images };
}

/** INVALID_INPUT naming each bad field and what was expected. */
function invalidInput(
  tool: string,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): ToolErrorInfo {
  const problems = issues.map((issue) => ({
    field: v.getDotPath(issue) ?? '(arguments)',
    // valibot words a missing key as "Invalid key: Expected "x"…"; say what a caller must do.
    problem: issue.type === 'object' && issue.received === 'undefined' ? 'required' : issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  return {
    code: 'INVALID_INPUT',
    message: `Invalid arguments for ${tool}: ${summary}. Fix these fields and call again.`,
    details: { issues: problems },
  };
}
