// `admin plan <free|pro|team>`: moves an organization to another plan and says what its keys
// may now send. A running server applies it within about a second, without a restart.

import { PLAN_RATE_LIMITS } from '../limits/plan-limits.js';
import { changePlan } from '../services/organization-plan.js';
import { PLANS, type Plan } from '../storage/schema.js';
import { UsageError } from './admin-errors.js';
import { positionalArgument, stringOption } from './arguments.js';
import { type AdminCommand, lines, printResult } from './command.js';
import { targetOrganization } from './target-organization.js';

/** `admin plan <free|pro|team> [--org <org_id>]`. */
export const planCommand: AdminCommand = {
  group: 'admin',
  name: 'plan',
  options: {},
  positional: '<free|pro|team>',
  prepare(args) {
    const plan = positionalArgument(args, `the plan (${PLANS.join(', ')})`);
    if (!(PLANS as readonly string[]).includes(plan)) {
      throw new UsageError(`The plan must be one of ${PLANS.join(', ')} (not '${plan}').`);
    }
    return async (session) => {
      const { storage } = session;
      const { organization: before, caller } = await targetOrganization(
        storage,
        stringOption(args, 'org'),
      );
      const organization = await changePlan(storage, caller, plan as Plan);
      const limit = PLAN_RATE_LIMITS[organization.plan];
      printResult(
        session,
        {
          organization,
          previous_plan: before.plan,
          rate_limit: { per_second: limit, burst: limit },
        },
        lines([
          `"${organization.name}" (${organization.id}) is on the ${organization.plan} plan${
            before.plan === organization.plan ? ' (unchanged)' : ` (was ${before.plan})`
          }.`,
          `Each of its API keys may send ${limit} requests per second; running servers apply it within a second or two.`,
        ]),
      );
    };
  },
};
