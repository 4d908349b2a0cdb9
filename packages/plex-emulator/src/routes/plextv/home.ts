import { createHash } from 'node:crypto';
import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord } from '../../state/types.js';
import { homeMembers, myPlexContainer } from './people.js';
import { renderV2User } from './user.js';
import { el, xmlResponse } from './xml.js';

function homeOf(ctx: RequestContext): AccountRecord[] {
  const members = homeMembers(ctx.state, requireAccount(ctx));
  if (members.length === 0) throw new HttpError(404, 'not a member of a Plex Home');
  return members;
}

/** A managed user has no password of its own; it signs in through the home admin. */
function isManaged(account: AccountRecord): boolean {
  return account.kind === 'home' && account.restricted;
}

function homeUserJson(account: AccountRecord) {
  return {
    id: account.plexId,
    uuid: account.uuid,
    title: account.title,
    username: account.username,
    email: account.email,
    friendlyName: account.title === account.username ? null : account.title,
    thumb: account.thumb,
    hasPassword: !isManaged(account),
    restricted: account.restricted,
    updatedAt: account.joinedAt,
    restrictionProfile: null,
    admin: account.kind === 'owner',
    guest: false,
    protected: false,
  };
}

function homeInfo(state: EmulatorState) {
  const owner = state.owner;
  const guestUuid = createHash('sha256').update(`guest:${owner.uuid}`).digest('hex').slice(0, 16);
  return {
    id: 1_000_000 + (owner.plexId % 9_000_000),
    name: `${owner.username}'s home`,
    guestUserID: owner.plexId + 50_000_000,
    guestUserUUID: guestUuid,
    guestEnabled: false,
    subscription: owner.subscription,
  };
}

/** The home member a switch names, by plex.tv id or uuid; 404 for anyone outside the home. */
function switchTarget(ctx: RequestContext, key: string): AccountRecord {
  const target = homeOf(ctx).find((a) => String(a.plexId) === key || a.uuid === key);
  if (!target) throw new HttpError(404, `no home user ${key}`);
  return target;
}

/**
 * Plex Home: the member list (`/api/v2/home/users` JSON, `/api/home/users` XML only) and user
 * switching. Switching answers the member's own plex.tv token: JSON `authToken` on v2 (Plex
 * Web), XML `authenticationToken` on the legacy route python-plexapi's `switchHomeUser` posts to.
 * Home PINs are not emulated: no member is protected, so a `pin` parameter is ignored.
 */
export const homeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v2/home/users',
    handler: (ctx) => json({ ...homeInfo(ctx.state), users: homeOf(ctx).map(homeUserJson) }),
  },
  {
    method: 'GET',
    path: '/api/home/users',
    handler: (ctx) => {
      const users = homeOf(ctx).map((account) =>
        el('User', {
          id: account.plexId,
          uuid: account.uuid,
          admin: account.kind === 'owner',
          guest: false,
          restricted: account.restricted,
          restrictionProfile: '',
          hasPassword: !isManaged(account),
          protected: false,
          title: account.title,
          username: account.username,
          email: account.email,
          thumb: account.thumb,
        }),
      );
      return xmlResponse(el('MediaContainer', myPlexContainer(users.length), users));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/home/users/{user}/switch',
    handler: (ctx) => {
      const target = switchTarget(ctx, ctx.params.user ?? '');
      return json(renderV2User(ctx.state, target, ctx.services.nowSeconds()), { status: 201 });
    },
  },
  {
    method: 'POST',
    path: '/api/home/users/{user}/switch',
    handler: (ctx) => {
      const target = switchTarget(ctx, ctx.params.user ?? '');
      const members = homeMembers(ctx.state, target);
      const subscription = target.subscription
        ? { active: true, status: 'Active', plan: 'lifetime' }
        : { active: false, status: 'Inactive', plan: '' };
      return xmlResponse(
        el(
          'user',
          {
            id: target.plexId,
            uuid: target.uuid,
            email: target.email,
            joinedAt: target.joinedAt,
            username: target.username,
            title: target.title,
            thumb: target.thumb,
            hasPassword: !isManaged(target),
            authenticationToken: target.plexTvToken,
            restricted: target.restricted,
            home: members.length > 1,
            homeAdmin: target.kind === 'owner',
            homeSize: members.length,
            guest: false,
            protected: false,
          },
          [el('subscription', subscription)],
        ),
        { status: 201 },
      );
    },
  },
];
