// The process crash.test.ts kills with SIGKILL: it writes through the platform's own services as
// fast as it can and prints one line per committed transaction, so the parent knows what must
// have survived. Run as `node --import tsx crash-writer.ts` with PLEXMCP_CRASH_STORAGE set to the
// JSON of the OpenStorageOptions; the database is already migrated.
//
// Lines (space-separated, written only after the service call resolved, i.e. after COMMIT):
//   org <orgId> <ownerId> <keyId> <secret>   createOrganization with owner and admin key
//   member <orgId> <memberId>                 addMember
//   key <orgId> <memberId> <keyId> <secret>   createApiKey
//   revoke <keyId>                            revokeApiKey
//   remove <memberId>                         removeMember (its keys revoked with it)

import { writeSync } from 'node:fs';
import { createApiKey, revokeApiKey } from '../services/api-keys.js';
import type { Caller } from '../services/caller.js';
import { addMember, removeMember } from '../services/members.js';
import { createOrganization } from '../services/organizations.js';
import { type OpenStorageOptions, openStorage } from '../storage/open.js';

// writeSync: the line is in the pipe before the next write starts, never in a buffer the kill
// would lose (a lost line would only make the check weaker, but the parent also counts lines).
const report = (line: string) => writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const options = JSON.parse(process.env.PLEXMCP_CRASH_STORAGE ?? '') as OpenStorageOptions;
  const storage = await openStorage(options);
  // The parent counts writes from here (opening is not one).
  report('ready');
  for (let n = 0; ; n += 1) {
    const org = await createOrganization(storage, {
      name: `Crash ${process.pid}-${n}`,
      owner: { email: `owner${n}@crash.example`, name: 'Owner' },
      adminKey: { name: 'admin' },
    });
    const key = org.key!;
    report(`org ${org.organization.id} ${org.owner.id} ${key.id} ${key.secret}`);
    const caller: Caller = {
      organizationId: org.organization.id,
      memberId: org.owner.id,
      keyId: key.id,
      role: 'owner',
      scopes: key.scopes,
      static: false,
      mcpIds: null,
      plan: org.organization.plan,
    };

    const member = await addMember(storage, caller, {
      email: `member${n}@crash.example`,
      name: 'Member',
      role: 'admin',
    });
    report(`member ${org.organization.id} ${member.id}`);

    for (let k = 0; k < 2; k += 1) {
      const created = await createApiKey(storage, caller, {
        name: `key ${k}`,
        scopes: ['read', 'write'],
        member_id: member.id,
      });
      report(`key ${org.organization.id} ${member.id} ${created.id} ${created.secret}`);
      if (k === 0) {
        await revokeApiKey(storage, caller, created.id);
        report(`revoke ${created.id}`);
      }
    }

    // Every other member is removed, so both live and removed members' keys are checked.
    if (n % 2 === 0) {
      await removeMember(storage, caller, member.id);
      report(`remove ${member.id}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
