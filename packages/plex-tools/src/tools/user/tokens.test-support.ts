import type { ToolHarness } from '../../testing/harness.js';

/** Every token of every emulated account: none of them may ever appear in a user tool's output. */
export function allTokens(h: ToolHarness): string[] {
  const tokens = new Set<string>([h.emulator.token]);
  for (const account of h.emulator.state.accounts.values()) {
    tokens.add(account.serverToken);
    tokens.add(account.plexTvToken);
  }
  return [...tokens].filter((token) => token.length > 0);
}

/** Fails when the JSON of `data` contains any account's token. */
export function expectNoTokens(h: ToolHarness, data: unknown): void {
  const json = JSON.stringify(data);
  for (const token of allTokens(h)) {
    if (json.includes(token)) throw new Error('a token appears in the tool output');
  }
}
