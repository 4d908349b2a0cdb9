import type { AnyTool } from '../../define-tool.js';
import { sessionsGetActive } from './sessions-get-active.js';
import { sessionsGetMediaPlaybackHistory } from './sessions-get-media-playback-history.js';
import { sessionsTerminate } from './sessions-terminate.js';

/** The sessions module's tools, in catalogue order. */
export const sessionsTools: AnyTool[] = [
  sessionsGetActive,
  sessionsGetMediaPlaybackHistory,
  sessionsTerminate,
];
