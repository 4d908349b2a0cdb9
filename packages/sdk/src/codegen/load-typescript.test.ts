import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTypeScript, type RequireModule } from './load-typescript.js';

/**
 * A folder outside the repository whose `require` finds only what a test puts in its
 * node_modules. Node's own lookup would also search NODE_PATH, which pnpm sets for the scripts it
 * runs to the workspace's hoisted packages — where TypeScript 6's API package may well be.
 */
function project(): { dir: string; require: RequireModule } {
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-codegen-ts-'));
  const requireFromDir = createRequire(join(dir, 'index.js'));
  const require = (id: string) => {
    const installed = join(dir, 'node_modules', id);
    if (!existsSync(installed)) {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    }
    return requireFromDir(installed);
  };
  return { dir, require };
}

/** Writes a package into `dir`/node_modules with `main` as its entry's source. */
function installPackage(dir: string, name: string, version: string, main: string) {
  const root = join(dir, 'node_modules', name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name, version, main: 'main.cjs' }));
  writeFileSync(join(root, 'main.cjs'), main);
}

/** The shape of typescript@7's package: its entry exports the version and nothing else. */
function installTypeScript7(dir: string) {
  installPackage(dir, 'typescript', '7.0.2', "module.exports = { version: '7.0.2' };");
}

const realTypeScript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));

describe('loadTypeScript', () => {
  it('loads the installed compiler once', () => {
    const ts = loadTypeScript();
    expect(ts.versionMajorMinor).toMatch(/^[56]\./);
    expect(typeof ts.factory.createInterfaceDeclaration).toBe('function');
    expect(loadTypeScript()).toBe(ts);
  });

  it('says what to install when there is no TypeScript', () => {
    const { require } = project();
    expect(() => loadTypeScript(require)).toThrow(
      new Error(
        'TypeScript 5 or 6 is needed to print the types, and none is installed: npm i -D typescript@6',
      ),
    );
  });

  it('says to add TypeScript 6’s API package beside TypeScript 7, which has no compiler API', () => {
    const { dir, require } = project();
    installTypeScript7(dir);
    expect(() => loadTypeScript(require)).toThrow(
      new Error(
        "TypeScript 5 or 6 is needed to print the types; TypeScript 7.0.2 (typescript) has no compiler API: install TypeScript 6's beside it, npm i -D @typescript/typescript6.",
      ),
    );
  });

  it('uses TypeScript 6’s API package beside TypeScript 7', () => {
    const { dir, require } = project();
    installTypeScript7(dir);
    // Stands in for @typescript/typescript6, which re-exports TypeScript 6: the real compiler.
    mkdirSync(join(dir, 'node_modules', '@typescript'));
    symlinkSync(realTypeScript, join(dir, 'node_modules', '@typescript', 'typescript6'));
    expect(loadTypeScript(require)).toBe(loadTypeScript());
  });

  it('refuses a TypeScript older than 5, whose factory takes other arguments', () => {
    const { dir, require } = project();
    installPackage(
      dir,
      'typescript',
      '4.9.5',
      "module.exports = { version: '4.9.5', factory: {}, createPrinter() {} };",
    );
    expect(() => loadTypeScript(require)).toThrow(
      'TypeScript 5 or 6 is needed to print the types; TypeScript 4.9.5 (typescript) is too old: npm i -D typescript@6.',
    );
  });

  it('reports a broken install as it is, not as a missing one', () => {
    const { dir, require } = project();
    installPackage(dir, 'typescript', '5.9.3', "require('./lib/typescript.js');");
    expect(() => loadTypeScript(require)).toThrow(/Cannot find module '\.\/lib\/typescript\.js'/);
  });
});
