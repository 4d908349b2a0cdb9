import { readdirSync } from 'node:fs';
import { runOk } from './run.js';
import { assertBuilt, PUBLISHED, type PublishedPackage, packageDir } from './workspace.js';

/**
 * Packs every published package with pnpm (which turns `workspace:` ranges into versions, as a
 * publish does) and answers the tarball path of each.
 */
export async function packAll(destination: string): Promise<Record<PublishedPackage, string>> {
  const tarballs = {} as Record<PublishedPackage, string>;
  for (const name of PUBLISHED) {
    assertBuilt(name);
    const before = new Set(readdirSync(destination, { withFileTypes: false }).map(String));
    await runOk('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDir(name) });
    const created = readdirSync(destination).filter((file) => !before.has(file));
    if (created.length !== 1) throw new Error(`pnpm pack in ${name} made ${created.join(', ')}`);
    tarballs[name] = `${destination}/${created[0]}`;
  }
  return tarballs;
}
