// `admin init`: the organization with its owner and an admin key, printed once. Sets up the
// default organization (adopting the member-less one made for static keys); `--another`
// creates one more beside it.

import * as v from 'valibot';
import { AddMemberBody } from '../routes/schemas.js';
import { recordDefaultOrganization } from '../services/default-organization.js';
import {
  type InitDefaultOrganizationInput,
  initDefaultOrganization,
} from '../services/init-default-organization.js';
import { createOrganization } from '../services/organizations.js';
import type { CreatedApiKey, Member, Organization } from '../services/views.js';
import { PLANS } from '../storage/schema.js';
import { AdminError } from './admin-errors.js';
import { choiceOption, requiredOption, stringOption, validated } from './arguments.js';
import { type AdminCommand, type AdminSession, lines, printResult } from './command.js';
import { keySecretLines } from './keys-commands.js';
import { CLI_NAME } from './usage.js';

/** The name of the admin key `admin init` creates. */
const INIT_KEY_NAME = 'admin';

const InitArguments = v.object({
  org: AddMemberBody.entries.name,
  email: AddMemberBody.entries.email,
  name: AddMemberBody.entries.name,
});

/** What was set up, as printed. */
interface Initialized {
  organization: Organization;
  owner: Member;
  key: CreatedApiKey;
}

/** `admin init --org <name> --email <email> [--name …] [--plan …] [--another]`. */
export const initCommand: AdminCommand = {
  group: 'admin',
  name: 'init',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    plan: { type: 'string' },
    another: { type: 'boolean' },
  },
  prepare(args) {
    const email = requiredOption(args, 'email');
    const checked = validated(InitArguments, {
      org: requiredOption(args, 'org'),
      email,
      name: stringOption(args, 'name') ?? email.split('@')[0],
    });
    const input: InitDefaultOrganizationInput = {
      name: checked.org,
      // Self-hosted: the server's own operator, so the plan with the highest limits.
      plan: choiceOption(args, 'plan', PLANS, 'team'),
      owner: { email: checked.email, name: checked.name },
      adminKey: { name: INIT_KEY_NAME },
    };
    const another = args.values.another === true;
    return (session) => (another ? initAnother(session, input) : initDefault(session, input));
  },
};

async function initDefault(session: AdminSession, input: InitDefaultOrganizationInput) {
  const result = await initDefaultOrganization(session.storage, input);
  if (result.outcome === 'initialized') {
    const { name, id } = result.organization;
    throw new AdminError(
      `Already initialised: the default organization is "${name}" (${id}). ` +
        `Create keys with \`${CLI_NAME} keys create --name <name>\` and add people with ` +
        `\`${CLI_NAME} members add --email <email>\`; \`${CLI_NAME} admin init --another …\` ` +
        'creates another organization.',
    );
  }
  const what =
    result.outcome === 'adopted'
      ? 'The default organization (made for the static keys) now has its owner'
      : 'Created the default organization';
  print(session, result, what);
}

async function initAnother(session: AdminSession, input: InitDefaultOrganizationInput) {
  const created = await createOrganization(session.storage, input);
  // On a database without any organization this one becomes the default, since a default
  // is what every other command falls back to; otherwise the default stays as it is.
  const fallback = await recordDefaultOrganization(session.storage, created.organization.id);
  const isDefault = fallback.id === created.organization.id;
  print(
    session,
    { organization: created.organization, owner: created.owner, key: created.key! },
    isDefault ? 'Created the default organization' : 'Created an additional organization',
  );
}

function print(session: AdminSession, done: Initialized, what: string): void {
  const { organization, owner, key } = done;
  printResult(
    session,
    { organization, owner, key },
    lines([
      `${what}: "${organization.name}" (${organization.id}), plan ${organization.plan}.`,
      `Owner: ${owner.name} <${owner.email}> (${owner.id}).`,
      ...keySecretLines(key),
    ]),
  );
}
