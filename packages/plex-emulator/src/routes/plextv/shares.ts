import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord } from '../../state/types.js';
import {
  invitedAt,
  plexTvSectionId,
  plexTvServerId,
  sectionsFor,
  shareIdFor,
  sharesAllLibraries,
} from './people.js';
import { el, type XmlElement } from './xml.js';

/**
 * The share of the emulated server with one account, as `/api/users` lists it under a `User`
 * (python-plexapi's `MyPlexServerShare`). `owned` is from the caller's side: the owner's server.
 */
export function serverShareElement(
  state: EmulatorState,
  account: AccountRecord,
  now: number,
): XmlElement {
  return el('Server', {
    id: shareIdFor(account),
    serverId: plexTvServerId(state),
    machineIdentifier: state.server.machineIdentifier,
    name: state.server.friendlyName,
    lastSeenAt: now,
    numLibraries: sectionsFor(state, account).length,
    allLibraries: sharesAllLibraries(state, account),
    owned: true,
    pending: false,
  });
}

/**
 * One `SharedServer` of `/api/servers/{machineId}/shared_servers`: who the server is shared
 * with, their `accessToken` for it (python-plexapi's `MyPlexUser.get_token` reads it by
 * `userID`), and every library with its `shared` flag.
 */
export function sharedServerElement(state: EmulatorState, account: AccountRecord): XmlElement {
  const shared = new Set(sectionsFor(state, account).map((section) => section.id));
  const invited = invitedAt(state, account);
  const sections = [...state.sections.values()]
    .sort((a, b) => a.id - b.id)
    .map((section) =>
      el('Section', {
        id: plexTvSectionId(state, section),
        key: section.id,
        title: section.title,
        type: section.type,
        shared: shared.has(section.id),
      }),
    );
  return el(
    'SharedServer',
    {
      id: shareIdFor(account),
      username: account.username,
      email: account.email,
      userID: account.plexId,
      accessToken: account.serverToken,
      name: state.server.friendlyName,
      acceptedAt: invited + 3600,
      invitedAt: invited,
      allowSync: false,
      allowCameraUpload: false,
      allowChannels: false,
      allowTuners: false,
      allowSubtitleAdmin: false,
      owned: true,
      allLibraries: sharesAllLibraries(state, account),
      filterAll: '',
      filterMovies: '',
      filterMusic: '',
      filterPhotos: '',
      filterTelevision: '',
    },
    sections,
  );
}

/**
 * A friend's `sharedServers` entry in `/api/v2/friends`. The community spec leaves these objects
 * undescribed, so the fields follow the legacy share above, with the shared libraries listed.
 */
export function sharedServerJson(state: EmulatorState, account: AccountRecord, now: number) {
  const invited = invitedAt(state, account);
  const libraries = sectionsFor(state, account).map((section) => ({
    id: plexTvSectionId(state, section),
    key: section.id,
    title: section.title,
    type: section.type,
  }));
  return {
    id: shareIdFor(account),
    serverId: plexTvServerId(state),
    machineIdentifier: state.server.machineIdentifier,
    name: state.server.friendlyName,
    lastSeenAt: now,
    numLibraries: libraries.length,
    allLibraries: sharesAllLibraries(state, account),
    owned: true,
    pending: false,
    invitedAt: invited,
    acceptedAt: invited + 3600,
    libraries,
  };
}
