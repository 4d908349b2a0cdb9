import { createHash } from 'node:crypto';
import type { EmulatorState } from '../state/store.js';
import type {
  AccountRecord,
  PlayerRecord,
  ServerInfo,
  SettingRecord,
  TimelineRecord,
} from '../state/types.js';
import { defaultButlerTasks } from './butler.js';

/** Who owns the emulated server and how it introduces itself. */
export interface BaseOptions {
  token: string;
  machineIdentifier: string;
  friendlyName: string;
  allowMediaDeletion: boolean;
}

/** Server facts for a fresh emulator. */
export function serverInfo(options: BaseOptions): ServerInfo {
  return {
    friendlyName: options.friendlyName,
    machineIdentifier: options.machineIdentifier,
    version: '1.42.2.10156-f737b826c',
    platform: 'Linux',
    platformVersion: '6.1.0-28-amd64',
    myPlexUsername: 'demo.owner@example.com',
    myPlexSigninState: 'ok',
    transcoderActiveVideoSessions: 0,
    updateAvailable: { version: '1.43.2.10285-9e3d2b0a1', addedAt: 1763251200 },
  };
}

/** A token derived from the owner's: stable across runs, never containing the owner's token. */
export function derivedToken(ownerToken: string, purpose: string): string {
  return createHash('sha256').update(`${ownerToken}:${purpose}`).digest('base64url').slice(0, 20);
}

/** Adds the server-wide records every library shares: accounts, devices, players, prefs, butler. */
export function seedBase(state: EmulatorState, options: BaseOptions, now: number): void {
  for (const account of accounts(options.token)) state.accounts.set(account.id, account);
  state.devices.push(
    {
      id: 1,
      name: 'Living Room TV',
      platform: 'Roku',
      clientIdentifier: 'roku-lr-7f3a',
      createdAt: now - 86400 * 400,
    },
    {
      id: 2,
      name: 'Kitchen iPad',
      platform: 'iOS',
      clientIdentifier: 'ipad-kt-19c2',
      createdAt: now - 86400 * 200,
    },
    {
      id: 3,
      name: 'Chrome',
      platform: 'Chrome',
      clientIdentifier: 'web-chrome-55d1',
      createdAt: now - 86400 * 90,
    },
    {
      id: 4,
      name: "Jordan's Phone",
      platform: 'Android',
      clientIdentifier: 'android-jk-0b7e',
      createdAt: now - 86400 * 60,
    },
  );
  for (const player of players()) state.players.set(player.machineIdentifier, player);
  state.prefs.push(...prefs(options));
  state.butlerTasks.push(...defaultButlerTasks());
}

function accounts(ownerToken: string): AccountRecord[] {
  const base = {
    restricted: false,
    subscription: false,
  };
  return [
    {
      ...base,
      id: 1,
      plexId: 8675309,
      uuid: 'a1b2c3d4e5f60718',
      username: 'demo_owner',
      title: 'Demo Owner',
      email: 'demo.owner@example.com',
      thumb: 'https://plex.tv/users/a1b2c3d4e5f60718/avatar',
      kind: 'owner',
      serverToken: ownerToken,
      plexTvToken: ownerToken,
      sharedSectionIds: [],
      joinedAt: 1420070400,
      subscription: true,
    },
    {
      ...base,
      id: 2,
      plexId: 23456781,
      uuid: 'b2c3d4e5f6071829',
      username: 'alex_home',
      title: 'Alex',
      email: 'alex@example.com',
      thumb: 'https://plex.tv/users/b2c3d4e5f6071829/avatar',
      kind: 'home',
      serverToken: derivedToken(ownerToken, 'server:alex_home'),
      plexTvToken: derivedToken(ownerToken, 'plextv:alex_home'),
      restricted: true,
      sharedSectionIds: [],
      joinedAt: 1514764800,
    },
    {
      ...base,
      id: 3,
      plexId: 34567812,
      uuid: 'c3d4e5f60718293a',
      username: 'jordan_k',
      title: 'jordan_k',
      email: 'jordan.k@example.com',
      thumb: 'https://plex.tv/users/c3d4e5f60718293a/avatar',
      kind: 'friend',
      serverToken: derivedToken(ownerToken, 'server:jordan_k'),
      plexTvToken: derivedToken(ownerToken, 'plextv:jordan_k'),
      sharedSectionIds: [],
      joinedAt: 1577836800,
    },
    {
      ...base,
      id: 4,
      plexId: 45678123,
      uuid: 'd4e5f60718293a4b',
      username: 'sam.rivera',
      title: 'sam.rivera',
      email: 'sam.rivera@example.com',
      thumb: 'https://plex.tv/users/d4e5f60718293a4b/avatar',
      kind: 'friend',
      serverToken: derivedToken(ownerToken, 'server:sam.rivera'),
      plexTvToken: derivedToken(ownerToken, 'plextv:sam.rivera'),
      sharedSectionIds: [],
      joinedAt: 1609459200,
    },
  ];
}

function idleTimeline(type: TimelineRecord['type']): TimelineRecord {
  return { type, state: 'stopped', time: 0, volume: 100, muted: false, repeat: 0, shuffle: false };
}

function players(): PlayerRecord[] {
  const timelines = () => ({
    video: idleTimeline('video'),
    music: idleTimeline('music'),
    photo: idleTimeline('photo'),
  });
  return [
    {
      machineIdentifier: 'roku-lr-7f3a',
      name: 'Living Room TV',
      product: 'Plex for Roku',
      platform: 'Roku',
      platformVersion: '12.5.0',
      device: 'Roku Ultra',
      model: '4850X',
      vendor: 'Roku',
      version: '8.3.1.1456',
      address: '192.168.1.40',
      port: 8324,
      deviceClass: 'stb',
      protocolVersion: '1',
      protocolCapabilities: [
        'timeline',
        'playback',
        'navigation',
        'playqueues',
        'provider-playback',
      ],
      accountId: 1,
      local: true,
      commandIds: {},
      timelines: timelines(),
    },
    {
      machineIdentifier: 'ipad-kt-19c2',
      name: 'Kitchen iPad',
      product: 'Plex for iOS',
      platform: 'iOS',
      platformVersion: '18.1',
      device: 'iPad',
      model: 'iPad13,18',
      vendor: 'Apple',
      version: '2024.22.0',
      address: '192.168.1.52',
      port: 32500,
      deviceClass: 'tablet',
      protocolVersion: '1',
      protocolCapabilities: ['timeline', 'playback', 'playqueues', 'mirror'],
      accountId: 2,
      local: true,
      commandIds: {},
      timelines: timelines(),
    },
  ];
}

function prefs(options: BaseOptions): SettingRecord[] {
  const setting = (
    id: string,
    label: string,
    type: SettingRecord['type'],
    value: SettingRecord['value'],
    defaultValue: SettingRecord['default'],
    group: string,
    summary: string,
    extra: Partial<SettingRecord> = {},
  ): SettingRecord => ({
    id,
    label,
    summary,
    type,
    default: defaultValue,
    value,
    hidden: false,
    advanced: false,
    group,
    ...extra,
  });
  return [
    setting(
      'FriendlyName',
      'Friendly name',
      'text',
      options.friendlyName,
      '',
      'general',
      'The name this server shows to clients.',
    ),
    setting(
      'allowMediaDeletion',
      'Allow media deletion',
      'bool',
      options.allowMediaDeletion,
      false,
      'library',
      'Let owners and managed users delete media files from disk.',
    ),
    setting(
      'ScheduledLibraryUpdatesEnabled',
      'Update my library periodically',
      'bool',
      true,
      false,
      'library',
      'Scan library folders on a schedule.',
    ),
    setting(
      'ScheduledLibraryUpdateInterval',
      'Library scan interval',
      'int',
      3600,
      3600,
      'library',
      'Seconds between periodic scans.',
      {
        enumValues:
          '900:every 15 minutes|1800:every 30 minutes|3600:hourly|7200:every 2 hours|21600:every 6 hours|43200:every 12 hours|86400:daily',
      },
    ),
    setting(
      'TranscoderQuality',
      'Transcoder quality',
      'int',
      0,
      0,
      'transcoder',
      'Quality profile used when transcoding.',
      {
        enumValues:
          '0:Automatic|1:Prefer higher speed encoding|2:Prefer higher quality encoding|3:Make my CPU hurt',
      },
    ),
    setting(
      'HardwareAcceleratedCodecs',
      'Use hardware acceleration when available',
      'bool',
      true,
      true,
      'transcoder',
      'Use the GPU for transcoding when it can.',
    ),
    setting(
      'TranscoderTempDirectory',
      'Transcoder temporary directory',
      'text',
      '',
      '',
      'transcoder',
      'Where transcoder segments are written.',
      { advanced: true },
    ),
    setting(
      'WanPerStreamMaxUploadRate',
      'Limit remote stream bitrate',
      'int',
      0,
      0,
      'network',
      'Maximum kbps for each remote stream (0 = original).',
    ),
    setting(
      'LogVerbose',
      'Enable verbose logging',
      'bool',
      false,
      false,
      'general',
      'Write extra detail to the server log.',
      { advanced: true },
    ),
    setting(
      'ButlerStartHour',
      'Time at which tasks start to run',
      'int',
      2,
      2,
      'butler',
      'Hour of day the maintenance window opens.',
    ),
    setting(
      'ButlerEndHour',
      'Time at which tasks stop running',
      'int',
      5,
      5,
      'butler',
      'Hour of day the maintenance window closes.',
    ),
    setting(
      'MachineIdentifier',
      'Machine identifier',
      'text',
      options.machineIdentifier,
      '',
      'general',
      'Unique id of this server.',
      { hidden: true },
    ),
  ];
}
