// The organization's managed API keys.

import * as v from 'valibot';
import { pathId } from '../http/validation.js';
import { isId } from '../ids.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.js';
import type { Storage } from '../storage/storage.js';
import { callerOf, defineV1Route } from './define.js';
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema } from './schemas.js';

const keyId = pathId((s) => isId('key', s), 'An API key id (key_…).');

/** The API key routes over `storage`. */
export function apiKeyRoutes(storage: Storage) {
  return [
    defineV1Route({
      method: 'GET',
      path: '/api-keys',
      summary: "The organization's API keys",
      description: 'Oldest first, revoked keys included. Never a secret.',
      list: true,
      response: v.array(ApiKeySchema),
      handler: ({ page }, c) => listApiKeys(storage, callerOf(c), page),
    }),
    defineV1Route({
      method: 'POST',
      path: '/api-keys',
      summary: 'Create an API key',
      description:
        'Answers the secret this once. Scopes may not exceed the member (a member never holds admin) nor the calling key.',
      scope: 'admin',
      status: 201,
      body: CreateApiKeyBody,
      response: CreatedApiKeySchema,
      handler: ({ body }, c) => createApiKey(storage, callerOf(c), body),
    }),
    defineV1Route({
      method: 'DELETE',
      path: '/api-keys/:id',
      summary: 'Revoke an API key',
      description:
        'Effective on the next request. Revoking a revoked key answers 200 with its first revoked_at.',
      scope: 'admin',
      params: { id: keyId },
      response: ApiKeySchema,
      handler: ({ params }, c) => revokeApiKey(storage, callerOf(c), params.id),
    }),
  ];
}
