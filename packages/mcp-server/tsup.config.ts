import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The CLI's code-split chunks live in their own folder, which only the CLI build cleans.
const CLI_CHUNKS = 'cli';

export default defineConfig([
  {
    // The library entry imports its peers (@plexmcp/plex-client, plex-tools, the MCP SDK, and the
    // emulator for `connectPlex` in demo mode) from the app's own install, so the client the app
    // built is the copy the tools check errors against and the server is the app's SDK's class.
    // Those peers are optional, so that
    // `npx @plexmcp/mcp-server` installs only the self-contained binary below; everything else
    // the library uses (valibot, for its config parsing) is bundled in.
    entry: ['src/index.ts'],
    format: ['esm'],
    noExternal: ['valibot'],
    target: 'node20',
    dts: { entry: 'src/index.ts' },
    // Everything but the CLI build's output, which runs alongside this one.
    clean: ['!cli.js', '!cli.js.map', `!${CLI_CHUNKS}/**`],
    sourcemap: true,
  },
  {
    // The binary: one self-contained, minified bundle (MCP SDK, zod, ajv, valibot, ky, Hono
    // included), which is why the package has no dependencies and installs in a few MB. Node
    // then resolves and reads a handful of files instead of ~200, which halves the cold start.
    // HTTP, login and the --demo emulator stay in lazy chunks that stdio never loads. Its source
    // maps are for local debugging and stay out of the tarball (package.json `files`).
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    clean: false,
    noExternal: [/^(?!@plexmcp\/platform$).*/],
    // The platform carries a native database driver, so it cannot be bundled: HTTP mode imports
    // it from the install when it is there (an optional peer) and runs without it otherwise.
    external: ['@plexmcp/platform'],
    splitting: true,
    minify: true,
    // Error and class names stay readable in messages and stack traces.
    keepNames: true,
    sourcemap: true,
    // Bundled CommonJS (ajv) calls require(); an ESM bundle has to provide it.
    banner: {
      js: "import { createRequire as __plexmcpCreateRequire } from 'node:module'; const require = __plexmcpCreateRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.chunkNames = `${CLI_CHUNKS}/[name]-[hash]`;
    },
    esbuildPlugins: [
      {
        // The SDK's Server builds an Ajv validator in its constructor, used only to check
        // elicitation answers. This server never elicits, and Ajv is a third of the code a stdio
        // start loads, so the binary gets a stand-in that says so if it is ever reached.
        name: 'no-ajv-in-cli',
        setup(build) {
          build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, (args) =>
            args.importer.includes('@modelcontextprotocol')
              ? { path: args.path, namespace: 'no-ajv' }
              : undefined,
          );
          build.onLoad({ filter: /.*/, namespace: 'no-ajv' }, () => ({
            contents: `export class AjvJsonSchemaValidator {
  getValidator() {
    throw new Error('plex-mcp-server does not validate elicitation schemas: it never elicits.');
  }
}`,
            loader: 'js',
          }));
        },
      },
      {
        name: 'clean-cli-chunks',
        setup(build) {
          build.onStart(() => {
            rmSync(`dist/${CLI_CHUNKS}`, { recursive: true, force: true });
          });
        },
      },
    ],
  },
]);
