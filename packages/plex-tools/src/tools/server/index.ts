import { serverCleanBundles } from './server-clean-bundles.js';
import { serverEmptyTrash } from './server-empty-trash.js';
import { serverGetAlerts } from './server-get-alerts.js';
import { serverGetBandwidth } from './server-get-bandwidth.js';
import { serverGetButlerTasks } from './server-get-butler-tasks.js';
import { serverGetCurrentResources } from './server-get-current-resources.js';
import { serverGetInfo } from './server-get-info.js';
import { serverGetPlexLogs } from './server-get-plex-logs.js';
import { serverOptimizeDatabase } from './server-optimize-database.js';
import { serverRunButlerTask } from './server-run-butler-task.js';

/** The server module's tools, in catalogue order. */
export const serverTools = [
  serverGetInfo,
  serverGetButlerTasks,
  serverRunButlerTask,
  serverGetCurrentResources,
  serverGetBandwidth,
  serverGetPlexLogs,
  serverEmptyTrash,
  serverOptimizeDatabase,
  serverCleanBundles,
  serverGetAlerts,
] as const;
