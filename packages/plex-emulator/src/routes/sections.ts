import type { Route } from '../http/router.js';

/** TODO(issue 2): being written. */
export const sectionRoutes: Route[] = [];
