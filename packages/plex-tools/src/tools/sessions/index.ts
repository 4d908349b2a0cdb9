import { sessionsGetActive } from './sessions-get-active.js';
import { sessionsGetMediaPlaybackHistory } from './sessions-get-media-playback-history.js';
import { sessionsTerminate } from './sessions-terminate.js';

/** The sessions module's tools, in catalogue order. */
export const sessionsTools = [
  sessionsGetActive,
  sessionsGetMediaPlaybackHistory,
  sessionsTerminate,
] as const;
