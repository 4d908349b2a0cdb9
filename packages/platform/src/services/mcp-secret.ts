// The one place an MCP's secret is sealed and opened: a Plex token as itself, a remote MCP's
// headers as JSON. Bound to the row, so a sealed value copied onto another MCP does not open.

import type { KeyObject } from 'node:crypto';
import { decryptSecret, encryptSecret } from '../secrets/cipher.js';

/** The associated data tying a sealed secret to MCP `mcpId`. */
export function mcpSecretBinding(mcpId: string): string {
  return `mcp:${mcpId}:secret`;
}

/** Seals a Plex token for MCP `mcpId`. */
export function sealToken(key: KeyObject, mcpId: string, token: string): string {
  return encryptSecret(key, token, mcpSecretBinding(mcpId));
}

/** Seals a remote MCP's headers (as JSON) for MCP `mcpId`. */
export function sealHeaders(
  key: KeyObject,
  mcpId: string,
  headers: Readonly<Record<string, string>>,
): string {
  return encryptSecret(key, JSON.stringify(headers), mcpSecretBinding(mcpId));
}

/** Opens the secret of MCP `mcpId`: the token, or the headers' JSON. Throws CipherError. */
export function openMcpSecret(key: KeyObject, mcpId: string, sealed: string): string {
  return decryptSecret(key, sealed, mcpSecretBinding(mcpId));
}
