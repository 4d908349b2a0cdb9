import type * as v from 'valibot';
import type { ToolContext } from './context.js';

/** What a tool may do; scopes are cumulative (write implies read, delete implies write). */
export type ToolAccess = 'read' | 'write' | 'delete';

/** The module (toolset) a tool belongs to. */
export type ToolModule =
  | 'library'
  | 'media'
  | 'playlist'
  | 'collection'
  | 'user'
  | 'sessions'
  | 'server'
  | 'client';

/** The four MCP annotation hints; every tool sets all of them explicitly. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** An object schema, as MCP requires for tool input and output roots. */
export type ObjectSchema = v.ObjectSchema<
  v.ObjectEntries,
  v.ErrorMessage<v.ObjectIssue> | undefined
>;

/** A tool: metadata for listing plus the function that runs it. */
export interface ToolDefinition<
  I extends ObjectSchema = ObjectSchema,
  O extends ObjectSchema = ObjectSchema,
  N extends string = string,
> {
  /** `^[a-z0-9_]{1,64}$`; a public contract (see TOOLS.md). Kept literal for the registry's types. */
  name: N;
  module: ToolModule;
  access: ToolAccess;
  /** A human title. */
  title: string;
  /** One or two sentences for a model choosing between tools. */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /** Runs the tool with validated input; returns data matching `output`. */
  run(ctx: ToolContext, input: v.InferOutput<I>): Promise<v.InferInput<O>>;
}

/** The hints a tool's access does not decide; everything else about annotations is derived. */
export type StatedHints = Partial<Pick<ToolAnnotations, 'idempotentHint' | 'openWorldHint'>>;

/** What a tool's author writes: a definition whose annotations state only what access cannot. */
export interface ToolSpec<I extends ObjectSchema, O extends ObjectSchema, N extends string>
  extends Omit<ToolDefinition<I, O, N>, 'annotations'> {
  /**
   * `idempotentHint` (default: true for reads, false for writes and deletes, as MCP assumes) and
   * `openWorldHint` (default false: the tool talks only to the configured Plex and plex.tv).
   */
  annotations?: StatedHints;
}

/**
 * The four MCP hints of a tool. `readOnlyHint` and `destructiveHint` follow from access alone
 * (a read changes nothing; only delete-access tools destroy), so no tool can contradict them.
 */
export function annotationsFor(access: ToolAccess, stated: StatedHints = {}): ToolAnnotations {
  return {
    readOnlyHint: access === 'read',
    destructiveHint: access === 'delete',
    idempotentHint: stated.idempotentHint ?? access === 'read',
    openWorldHint: stated.openWorldHint ?? false,
  };
}

/** Declares a tool with its types inferred from its schemas and its literal name. */
export function defineTool<I extends ObjectSchema, O extends ObjectSchema, N extends string>(
  spec: ToolSpec<I, O, N>,
): ToolDefinition<I, O, N> {
  return { ...spec, annotations: annotationsFor(spec.access, spec.annotations) };
}

/** A tool of any schema, as the registry holds them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each tool's own types.
export type AnyTool = ToolDefinition<any, any>;
