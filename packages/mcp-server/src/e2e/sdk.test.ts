import { describe, it } from 'vitest';

// The place for the @plexmcp/sdk end-to-end case. Wire it like the REST block in
// transports.test.ts: `plexScene()` for the emulator, `startBuiltHttpServer({ env:
// scene.env(), transcript })` for the built server, then wrap the SDK's typed client in a
// `ToolCaller` (testing/tool-caller.ts: `(name, args) => { ok, data } | { ok, code, message }`)
// and call `movieNightSteps(() => ({ call, emulator }), '@plexmcp/sdk')`.
describe('@plexmcp/sdk against the built server', () => {
  it.todo('runs the movie-night session through the SDK client (REST and MCP entries)');
  it.todo('surfaces tool errors as the SDK error type with code and message');
});
