import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { listUsers } from '../../shared/resolve-user.js';
import { warningsField } from '../../shared/warnings.js';
import { userSummary, userSummaryOf, userWarnings } from './user-shape.js';

/** user_search_users: users whose username or name contains the search term. */
export const userSearchUsers = defineTool({
  name: 'user_search_users',
  module: 'user',
  access: 'read',
  title: 'Search users',
  description: 'Find users by part of their username or name.',
  input: v.object({
    search_term: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Text to find')),
  }),
  output: v.object({
    users: v.array(userSummary),
    total: v.number(),
    ...warningsField,
  }),
  annotations: { openWorldHint: true },
  async run(ctx, input) {
    const directory = await listUsers(ctx);
    const term = input.search_term.toLowerCase();
    const users = directory.users
      .filter(
        (user) =>
          user.username.toLowerCase().includes(term) || user.title.toLowerCase().includes(term),
      )
      .map(userSummaryOf);
    return userWarnings(ctx, directory).attach({ users, total: users.length });
  },
});
