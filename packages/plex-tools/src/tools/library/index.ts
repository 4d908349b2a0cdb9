import { libraryGetContents } from './library-get-contents.js';
import { libraryGetDetails } from './library-get-details.js';
import { libraryGetRecentlyAdded } from './library-get-recently-added.js';
import { libraryGetStats } from './library-get-stats.js';
import { libraryList } from './library-list.js';
import { libraryRefresh } from './library-refresh.js';
import { libraryScan } from './library-scan.js';

/** The library module's tools, in catalogue order. */
export const libraryTools = [
  libraryList,
  libraryGetStats,
  libraryRefresh,
  libraryScan,
  libraryGetDetails,
  libraryGetRecentlyAdded,
  libraryGetContents,
] as const;
