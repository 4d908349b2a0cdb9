import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PUBLISHED, type PublishedPackage } from './workspace.js';

/** One marked example of a README, as it was published. */
export interface ReadmeExample {
  pkg: PublishedPackage;
  name: string;
  /** The TypeScript source, for tsc. */
  tsPath: string;
  /** The same, transpiled, for node. */
  jsPath: string;
}

// `<!-- example: name … -->` on the line before a ```ts fence marks a block these tests run.
const MARKED_BLOCK = /<!-- example: ([\w-]+)[^>]*-->\n```ts\n([\s\S]*?)\n```/g;

/** The marked examples of one installed package's README. */
export function examplesOf(readme: string): { name: string; code: string }[] {
  return [...readme.matchAll(MARKED_BLOCK)].map((match) => ({
    name: match[1] ?? '',
    code: match[2] ?? '',
  }));
}

/**
 * Writes every marked example of the installed packages' READMEs into `<project>/examples`,
 * as .ts for tsc and as .mjs for node (inside the project, so their imports resolve to the
 * installed tarballs).
 */
export function writeExamples(
  project: string,
  adapt: (example: { pkg: PublishedPackage; name: string; code: string }) => string = (e) => e.code,
): ReadmeExample[] {
  const dir = join(project, 'examples');
  mkdirSync(dir, { recursive: true });
  return PUBLISHED.flatMap((pkg) => {
    const readme = readFileSync(join(project, 'node_modules/@plexmcp', pkg, 'README.md'), 'utf8');
    return examplesOf(readme).map(({ name, code }) => {
      const source = adapt({ pkg, name, code });
      const base = join(dir, `${pkg}--${name}`);
      writeFileSync(`${base}.ts`, `${source}\nexport {};\n`);
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      writeFileSync(`${base}.mjs`, js);
      return { pkg, name, tsPath: `${base}.ts`, jsPath: `${base}.mjs` };
    });
  });
}

/** The strictest settings a user's project could have, including checking every .d.ts. */
export const STRICT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    // DOM because the MCP SDK's own declarations name its `HeadersInit`.
    lib: ['ES2022', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
  },
  include: ['examples/*.ts', 'types/*.ts'],
};
