import type * as v from 'valibot';
import type { AnyTool } from './define-tool.js';
import { clientTools } from './tools/client/index.js';
import { collectionTools } from './tools/collection/index.js';
import { libraryTools } from './tools/library/index.js';
import { mediaTools } from './tools/media/index.js';
import { playlistTools } from './tools/playlist/index.js';
import { serverTools } from './tools/server/index.js';
import { sessionsTools } from './tools/sessions/index.js';
import { userTools } from './tools/user/index.js';

// Every tool with its own literal name and schemas, the one source of the types below.
const CATALOGUE = [
  ...libraryTools,
  ...mediaTools,
  ...playlistTools,
  ...collectionTools,
  ...userTools,
  ...sessionsTools,
  ...serverTools,
  ...clientTools,
] as const;

/** Every tool, by module, in catalogue order. */
export const TOOLS: readonly AnyTool[] = CATALOGUE;

/** Each tool's definition by its name: the map `callTool`'s types come from. */
export type ToolMap = { [Tool in (typeof CATALOGUE)[number] as Tool['name']]: Tool };

/** The name of a tool of this package. */
export type ToolName = keyof ToolMap;

/** The arguments a tool accepts (defaults still optional), as a caller writes them. */
export type ToolInput<Name extends ToolName> = v.InferInput<ToolMap[Name]['input']>;

/** What a tool answers in `data` on success, after its output schema's checks. */
export type ToolOutput<Name extends ToolName> = v.InferOutput<ToolMap[Name]['output']>;

const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));

/** The tool with this name, if any. */
export function findTool(name: string): AnyTool | undefined {
  return byName.get(name);
}
