// The PlexMCP platform: storage, organizations, members, managed API keys and the /v1 routes.
// Its public surface is named here as it is built.

// The /v1 HTTP layer: envelopes, errors, pagination, validation, the route table and OpenAPI.
export {
  type ErrorEnvelope,
  ErrorEnvelopeSchema,
  failure,
  type ListEnvelope,
  listed,
  listSchema,
  type Pagination,
  PaginationSchema,
  type SuccessEnvelope,
  success,
  successSchema,
} from './http/envelope.js';
export { type ErrorLog, errorResponse, handleError, STDERR_LOG } from './http/errors.js';
export { type MountOptions, mountRoutes } from './http/mount.js';
export { buildOpenApi, type OpenApiDocument, type OpenApiOptions } from './http/openapi.js';
export {
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  type PageRequest,
  paginationOf,
  parsePagination,
} from './http/pagination.js';
export {
  type ErrorCode,
  type ErrorDetails,
  type FieldProblem,
  invalidRequest,
  notFound,
  PlatformError,
} from './http/platform-error.js';
export {
  defineRoute,
  type Method,
  type Page,
  type Route,
  type RouteInput,
  type Scope,
} from './http/route.js';
export { fromToolError, TOOL_ERRORS, type V1Failure } from './http/tool-errors.js';
export {
  type BodySchema,
  fieldProblems,
  type PathParam,
  pathId,
  type QuerySchema,
} from './http/validation.js';

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

// Storage: the typed schema, opening SQLite or PostgreSQL, migrations and stored-value codecs.
export { storageOptionsFromEnv } from './storage/config.js';
export { type ConstraintViolation, constraintViolation } from './storage/constraint.js';
export {
  type DataDirContext,
  defaultDatabaseFile,
  defaultDataDir,
  ensureDataDir,
  SQLITE_FILE_NAME,
} from './storage/data-dir.js';
export { MIGRATION_LOCK_ID, migrateToLatest } from './storage/migrate.js';
export { type OpenStorageOptions, openStorage } from './storage/open.js';
export { DEFAULT_POOL_SIZE, type OpenPostgresOptions } from './storage/open-postgres.js';
export { redactDatabaseUrl } from './storage/redact.js';
export type {
  ApiKeyRow,
  ApiKeysTable,
  ApiKeyUpdate,
  Database,
  MemberRow,
  MembersTable,
  NewApiKeyRow,
  NewMemberRow,
  NewOrganizationRow,
  OrganizationRow,
  OrganizationsTable,
  Plan,
  Role,
  SettingRow,
  SettingsTable,
  Timestamp,
} from './storage/schema.js';
export { PLANS, ROLES } from './storage/schema.js';
// Scope (the type) is exported by the HTTP layer; the stored form is encoded only here.
export { formatScopes, isScope, parseScopes, SCOPES } from './storage/scopes.js';
export type { Storage, StorageDialect } from './storage/storage.js';
export { StorageError, type StorageErrorCode } from './storage/storage-error.js';
export { emailKey, toTimestamp } from './storage/values.js';
