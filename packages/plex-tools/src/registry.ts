import type { AnyTool } from './define-tool.js';
import { libraryTools } from './tools/library/index.js';

/** Every tool, by module, in catalogue order. */
export const TOOLS: readonly AnyTool[] = [...libraryTools];

const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));

/** The tool with this name, if any. */
export function findTool(name: string): AnyTool | undefined {
  return byName.get(name);
}
