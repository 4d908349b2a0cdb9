import { clientControlPlayback } from './client-control-playback.js';
import { clientGetActive } from './client-get-active.js';
import { clientGetDetails } from './client-get-details.js';
import { clientGetTimelines } from './client-get-timelines.js';
import { clientList } from './client-list.js';
import { clientNavigate } from './client-navigate.js';
import { clientSetStreams } from './client-set-streams.js';
import { clientStartPlayback } from './client-start-playback.js';

/** The client module's tools, in catalogue order. */
export const clientTools = [
  clientList,
  clientGetDetails,
  clientGetTimelines,
  clientGetActive,
  clientStartPlayback,
  clientControlPlayback,
  clientNavigate,
  clientSetStreams,
] as const;
