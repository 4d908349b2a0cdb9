import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { listUsers } from '../../shared/resolve-user.js';
import { warningsField } from '../../shared/warnings.js';
import { hasServerAccess, userSummary, userSummaryOf, userWarnings } from './user-shape.js';

/** user_list_all_users: the owner, the Plex Home and friends who can use this server. */
export const userListAllUsers = defineTool({
  name: 'user_list_all_users',
  module: 'user',
  access: 'read',
  title: 'List users',
  description: 'List the owner, Home users and friends, with shared libraries.',
  input: v.object({}),
  output: v.object({
    users: v.array(userSummary),
    total: v.number(),
    ...warningsField,
  }),
  annotations: { openWorldHint: true },
  async run(ctx) {
    const directory = await listUsers(ctx);
    const users = directory.users.filter(hasServerAccess).map(userSummaryOf);
    return userWarnings(ctx, directory).attach({ users, total: users.length });
  },
});
