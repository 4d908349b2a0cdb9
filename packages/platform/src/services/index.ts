// The platform's services: plain functions over storage and a Caller, tenancy enforced here.

export { type CreateApiKeyInput, createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
export {
  type Authenticated,
  type AuthFailure,
  type AuthResult,
  authenticate,
  LAST_USED_RESOLUTION_MS,
} from './authenticate.js';
export { type Caller, scopeCeiling, staticCaller } from './caller.js';
export {
  type AddMemberInput,
  addMember,
  listMembers,
  type RemovedMember,
  removeMember,
} from './members.js';
export {
  type CreatedOrganization,
  type CreateOrganizationInput,
  createOrganization,
  getOrganization,
} from './organizations.js';
export { firstItems, type PageSlice } from './page.js';
export type { ApiKey, CreatedApiKey, Member, Organization } from './views.js';
