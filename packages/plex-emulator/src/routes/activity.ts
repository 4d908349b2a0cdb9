import type { Route } from '../http/router.js';
import { historyRoutes } from './activity/history.js';
import { sessionRoutes } from './activity/sessions.js';
import { timelineReportRoutes } from './activity/timeline-report.js';

/** Sessions (`/status/sessions`, terminate), playback history and `/:/timeline` reports. */
export const activityRoutes: Route[] = [
  ...sessionRoutes,
  ...historyRoutes,
  ...timelineReportRoutes,
];
