import type { AnyTool } from './define-tool.js';
import { clientTools } from './tools/client/index.js';
import { collectionTools } from './tools/collection/index.js';
import { libraryTools } from './tools/library/index.js';
import { mediaTools } from './tools/media/index.js';
import { playlistTools } from './tools/playlist/index.js';
import { serverTools } from './tools/server/index.js';
import { sessionsTools } from './tools/sessions/index.js';
import { userTools } from './tools/user/index.js';

/** Every tool, by module, in catalogue order. */
export const TOOLS: readonly AnyTool[] = [
  ...libraryTools,
  ...mediaTools,
  ...playlistTools,
  ...collectionTools,
  ...userTools,
  ...sessionsTools,
  ...serverTools,
  ...clientTools,
];

const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));

/** The tool with this name, if any. */
export function findTool(name: string): AnyTool | undefined {
  return byName.get(name);
}
