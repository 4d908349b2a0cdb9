// The PlexMCP platform: storage, organizations, members, managed API keys and the /v1 routes.
// Its public surface is named here as it is built.

// Ids and secrets: prefixed ids, managed API keys, the encryption key and sealed secrets.
export { ID_KINDS, type IdKind, isId, newId } from './ids.js';
export {
  API_KEY_DISPLAY_PREFIX_LENGTH,
  API_KEY_LENGTH,
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  type ApiKeyFormat,
  checkApiKeyFormat,
  type GeneratedApiKey,
  generateApiKey,
  hashApiKey,
} from './secrets/api-key.js';
export { decryptSecret, encryptSecret } from './secrets/cipher.js';
export { CipherError, type CipherErrorCode } from './secrets/cipher-error.js';
export {
  keyFingerprint,
  type LoadedSecretKey,
  type LoadSecretKeyOptions,
  loadSecretKey,
  parseSecretKey,
  SECRET_KEY_ENV,
  SECRET_KEY_FILE,
  type SecretKeySource,
} from './secrets/secret-key.js';
export { SecretKeyError, type SecretKeyErrorCode } from './secrets/secret-key-error.js';
