// The PlexMCP platform: storage, organizations, members, managed API keys and the /v1 routes.
// Its public surface is named here as it is built.

// The operator's commands (`admin init`, `keys …`, `members …`) for the CLI to call.
export { type AdminIo, runAdminCommand } from './admin/index.js';
// The platform as the MCP server hosts it: one object opened at start.
export { CALLER_CACHE_ENTRIES, CALLER_CACHE_MS, cachedResolver } from './host/caller-cache.js';
export {
  type PlatformHost,
  type PlatformHostOptions,
  startPlatformHost,
} from './host/platform-host.js';
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
// Plans' rate limits: requests per second per key, counted in memory or in PostgreSQL.
export { type PlanWatch, watchPlan } from './limits/organization-plan.js';
export { createPlanLimiter, type PlanLimiter, RATE_LIMIT_TABLE } from './limits/plan-limiter.js';
export { PLAN_RATE_LIMITS } from './limits/plan-limits.js';
export type { RateLimitDecision as PlanRateLimitDecision } from './limits/rate-limit-decision.js';
// Start-up: the migrated database and the secret key it was first started with.
export {
  FINGERPRINT_SETTING,
  type OpenPlatform,
  type OpenPlatformOptions,
  openPlatform,
} from './open-platform.js';
// The /v1 app of organizations, members, API keys and MCPs, and how it authenticates.
export {
  createV1App,
  type V1AppOptions,
  type V1RoutesOptions,
  v1Routes,
} from './routes/app.js';
export {
  authorizeWith,
  type Identify,
  identifyByKey,
  presentedKey,
  type Refusal,
  type ResolveCaller,
  resolveCaller,
  type StaticKey,
} from './routes/authorize.js';
export type { V1Env } from './routes/define.js';
export {
  AddMemberBody,
  ApiKeySchema,
  CreateApiKeyBody,
  CreatedApiKeySchema,
  CreateMcpBody,
  DeletedMcpSchema,
  MAX_EMAIL_LENGTH,
  MAX_KEY_MCPS,
  MAX_NAME_LENGTH,
  McpSchema,
  MemberSchema,
  OrganizationSchema,
  RemovedMemberSchema,
  UpdateMcpBody,
} from './routes/schemas.js';
// What the platform asks of the server that runs its MCPs.
export type {
  InvokeOutcome,
  McpProbe,
  McpRuntime,
  McpTarget,
  ResourceContents,
  ResourceEntry,
  RuntimeCall,
  RuntimeTool,
  ToolListing,
} from './runtime/mcp-runtime.js';
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
// Services: organizations, members, managed API keys and MCPs, tenancy enforced by the Caller.
export {
  type CreateApiKeyInput,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from './services/api-keys.js';
export {
  type Authenticated,
  type AuthFailure,
  type AuthResult,
  authenticate,
  isApiKeyActive,
  LAST_USED_RESOLUTION_MS,
} from './services/authenticate.js';
export {
  type BuiltinMcpOptions,
  builtinMcp,
  ensureBuiltinMcp,
} from './services/builtin-mcp.js';
export { type Caller, mayReachMcp, scopeCeiling, staticCaller } from './services/caller.js';
export {
  DEFAULT_ORGANIZATION_NAME,
  DEFAULT_ORGANIZATION_SETTING,
  defaultOrganization,
  ensureDefaultOrganization,
  hasIssuedApiKeys,
  recordDefaultOrganization,
} from './services/default-organization.js';
export {
  type InitDefaultOrganizationInput,
  type InitDefaultOrganizationResult,
  initDefaultOrganization,
} from './services/init-default-organization.js';
export {
  HEADER_NAME_PATTERN,
  headerProblems,
  isReservedHeader,
  MAX_HEADER_VALUE_LENGTH,
  MAX_HEADERS,
} from './services/mcp-headers.js';
export { mcpSecretBinding } from './services/mcp-secret.js';
export { MAX_URL_LENGTH, mcpUrlProblem } from './services/mcp-url.js';
export {
  type CreateMcpInput,
  type CreatePlexMcpInput,
  type CreateRemoteMcpInput,
  createMcp,
  type DeletedMcp,
  deleteMcp,
  getMcp,
  listMcps,
  loadMcpTarget,
  type McpWithSecret,
  type UpdateMcpInput,
  updateMcp,
} from './services/mcps.js';
export { type ChangedMember, changeMemberRole } from './services/member-role.js';
export {
  type AddMemberInput,
  addMember,
  listMembers,
  type RemovedMember,
  removeMember,
} from './services/members.js';
export { changePlan } from './services/organization-plan.js';
export {
  type CreatedOrganization,
  type CreateOrganizationInput,
  createOrganization,
  getOrganization,
} from './services/organizations.js';
export { firstItems, type PageSlice } from './services/page.js';
export type { ApiKey, CreatedApiKey, Mcp, Member, Organization } from './services/views.js';
// Storage: the typed schema, opening SQLite or PostgreSQL, migrations and stored-value codecs.
export { type DatabaseChoice, storageOptionsFor, storageOptionsFromEnv } from './storage/config.js';
export { type ConstraintViolation, constraintViolation } from './storage/constraint.js';
export {
  type DataDirContext,
  defaultDatabaseFile,
  defaultDataDir,
  ensureDataDir,
  SQLITE_FILE_NAME,
} from './storage/data-dir.js';
export { formatMcpIds, parseMcpIds } from './storage/mcp-ids.js';
export { MIGRATION_LOCK_ID, migrateToLatest } from './storage/migrate.js';
export { type OpenStorageOptions, openStorage } from './storage/open.js';
export { DEFAULT_POOL_SIZE, type OpenPostgresOptions } from './storage/postgres-options.js';
export { redactDatabaseUrl } from './storage/redact.js';
export type {
  ApiKeyRow,
  ApiKeysTable,
  ApiKeyUpdate,
  Database,
  McpAccess,
  McpKind,
  McpOrigin,
  McpRow,
  McpsTable,
  McpUpdate,
  MemberRow,
  MembersTable,
  NewApiKeyRow,
  NewMcpRow,
  NewMemberRow,
  NewOrganizationRow,
  OrganizationRow,
  OrganizationsTable,
  Plan,
  Role,
  SettingRow,
  SettingsTable,
  Timestamp,
  UsageDoor,
  UsageMinutesTable,
} from './storage/schema.js';
export {
  MCP_ACCESS_LEVELS,
  MCP_KINDS,
  MCP_ORIGINS,
  PLANS,
  ROLES,
  USAGE_DOORS,
} from './storage/schema.js';
// Scope (the type, defined in storage/scopes.ts) is exported with the route types above.
export { formatScopes, isScope, parseScopes, SCOPES } from './storage/scopes.js';
export type { Storage, StorageDialect } from './storage/storage.js';
export { StorageError, type StorageErrorCode } from './storage/storage-error.js';
export { formatToolsets, isToolset, parseToolsets, TOOLSETS } from './storage/toolsets.js';
export { emailKey, nameKey, toTimestamp } from './storage/values.js';
// Metering: calls counted in memory per minute, written in batches, answered on /v1/usage.
export { DURATION_BOUNDS_MS, quantileMs } from './usage/histogram.js';
export {
  BUILTIN_MCP,
  createMeter,
  type Meter,
  type MeterOptions,
  OTHER_TOOL,
  type UsageEvent,
} from './usage/meter.js';
export {
  type HistoryQuery,
  MAX_HISTORY_DAYS,
  type UsageCounts,
  type UsagePoint,
  type UsageSummary,
  usageHistory,
  usageSummary,
} from './usage/usage-service.js';
