// A restart keeps what was written: keys made before it authenticate after it, revoked ones stay
// revoked, and the secret key found on disk is the one the database recorded.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type OpenPlatformOptions, openPlatform } from './open-platform.js';
import { createApiKey, revokeApiKey } from './services/api-keys.js';
import { authenticate } from './services/authenticate.js';
import { createOrganization } from './services/organizations.js';
import { describeEachDatabase } from './testing/databases.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeEachDatabase('openPlatform across a restart', (t) => {
  it('authenticates the keys made before it and still refuses the revoked one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plexmcp-restart-'));
    dirs.push(dataDir);
    // SQLite as a deployment without configuration has it: the file inside the data directory.
    const options: OpenPlatformOptions =
      t.dialect === 'sqlite'
        ? { env: { PLEXMCP_DATA_DIR: dataDir } }
        : { env: {}, storage: await t.createDatabase(), dataDir };

    const first = await openPlatform(options);
    let kept: string;
    let revoked: string;
    try {
      const org = await createOrganization(first.storage, {
        name: 'Restart',
        owner: { email: 'owner@restart.example', name: 'Owner' },
        adminKey: { name: 'admin' },
      });
      const key = org.key!;
      kept = key.secret;
      const caller = {
        organizationId: org.organization.id,
        memberId: org.owner.id,
        keyId: key.id,
        role: 'owner' as const,
        scopes: key.scopes,
        static: false,
        mcpIds: null,
        plan: org.organization.plan,
      };
      const second = await createApiKey(first.storage, caller, { name: 'ci', scopes: ['read'] });
      revoked = second.secret;
      await revokeApiKey(first.storage, caller, second.id);
    } finally {
      await first.close();
    }

    const again = await openPlatform(options);
    try {
      // openPlatform itself refuses a key whose fingerprint differs; this says it was the same.
      expect(again.secretKey.source).toBe('file');
      expect(again.secretKey.fingerprint).toBe(first.secretKey.fingerprint);
      expect(await authenticate(again.storage, kept)).toMatchObject({
        ok: true,
        organization: { name: 'Restart' },
      });
      expect(await authenticate(again.storage, revoked)).toEqual({ ok: false, reason: 'revoked' });
    } finally {
      await again.close();
    }
  });
});
