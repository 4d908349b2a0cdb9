import { userGetContinueWatching } from './user-get-continue-watching.js';
import { userGetInfo } from './user-get-info.js';
import { userGetOnDeck } from './user-get-on-deck.js';
import { userGetStatistics } from './user-get-statistics.js';
import { userGetWatchHistory } from './user-get-watch-history.js';
import { userListAllUsers } from './user-list-all-users.js';
import { userSearchUsers } from './user-search-users.js';

/** The user module's tools, in catalogue order. */
export const userTools = [
  userListAllUsers,
  userSearchUsers,
  userGetInfo,
  userGetOnDeck,
  userGetContinueWatching,
  userGetWatchHistory,
  userGetStatistics,
] as const;
