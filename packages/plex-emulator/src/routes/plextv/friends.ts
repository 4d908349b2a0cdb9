import { HttpError, requireAccount } from '../../http/context.js';
import { json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord } from '../../state/types.js';
import { friendsOf, homeMembers, inHome, myPlexContainer, sharedWith } from './people.js';
import { serverShareElement, sharedServerElement, sharedServerJson } from './shares.js';
import { el, xmlResponse } from './xml.js';

function friendJson(
  state: EmulatorState,
  caller: AccountRecord,
  friend: AccountRecord,
  now: number,
) {
  // Only the owner shares a server; a friend's view of the owner lists nothing it shares back.
  const shares = caller.kind === 'owner' ? [sharedServerJson(state, friend, now)] : [];
  return {
    id: friend.plexId,
    uuid: friend.uuid,
    title: friend.title,
    username: friend.username,
    restricted: friend.restricted,
    email: friend.email,
    friendlyName: friend.title === friend.username ? null : friend.title,
    thumb: friend.thumb,
    home: false,
    status: 'accepted',
    sharedServers: shares,
    sharedSources: [],
  };
}

/** The caller's other users as `/api/users` lists them: home members first, then friends. */
function usersOf(state: EmulatorState, caller: AccountRecord): AccountRecord[] {
  const home = homeMembers(state, caller).filter((a) => a.id !== caller.id);
  return [...home, ...friendsOf(state, caller)];
}

/**
 * `GET /api/v2/friends` (JSON), and the two legacy endpoints python-plexapi reads users and
 * their server tokens from, which plex.tv only serves as XML: `GET /api/users`
 * (`MyPlexAccount.users()`) and `GET /api/servers/{machineId}/shared_servers`
 * (`MyPlexUser.get_token()`).
 */
export const friendRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v2/friends',
    handler: (ctx) => {
      const caller = requireAccount(ctx);
      const now = ctx.services.nowSeconds();
      return json(
        friendsOf(ctx.state, caller).map((friend) => friendJson(ctx.state, caller, friend, now)),
      );
    },
  },
  {
    method: 'GET',
    path: '/api/users',
    handler: (ctx) => {
      const caller = requireAccount(ctx);
      const now = ctx.services.nowSeconds();
      const users = usersOf(ctx.state, caller).map((user) =>
        el(
          'User',
          {
            id: user.plexId,
            title: user.title,
            username: user.username,
            email: user.email,
            recommendationsPlaylistId: '',
            thumb: user.thumb,
            protected: false,
            home: inHome(caller) && inHome(user),
            allowTuners: false,
            allowSync: false,
            allowCameraUpload: false,
            allowChannels: false,
            allowSubtitleAdmin: false,
            filterAll: '',
            filterMovies: '',
            filterMusic: '',
            filterPhotos: '',
            filterTelevision: '',
            restricted: user.restricted,
          },
          caller.kind === 'owner' ? [serverShareElement(ctx.state, user, now)] : [],
        ),
      );
      return xmlResponse(el('MediaContainer', myPlexContainer(users.length), users));
    },
  },
  {
    method: 'GET',
    path: '/api/servers/{machineId}/shared_servers',
    handler: (ctx) => {
      const caller = requireAccount(ctx);
      const { state } = ctx;
      if (ctx.params.machineId !== state.server.machineIdentifier) {
        throw new HttpError(404, `no server ${ctx.params.machineId}`);
      }
      if (caller.kind !== 'owner') throw new HttpError(403, 'only the owner lists shares');
      const shares = sharedWith(state).map((account) => sharedServerElement(state, account));
      return xmlResponse(
        el(
          'MediaContainer',
          {
            friendlyName: 'myPlex',
            identifier: 'com.plexapp.plugins.myplex',
            machineIdentifier: state.server.machineIdentifier,
            size: shares.length,
          },
          shares,
        ),
      );
    },
  },
];
