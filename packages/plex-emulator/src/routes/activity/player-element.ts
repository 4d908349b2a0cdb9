import { type Fields, omitEmpty } from '../../http/responses.js';
import type { EmulatorState } from '../../state/store.js';
import type { DeviceRecord, PlayerRecord, SessionRecord } from '../../state/types.js';

/** The household's public address, from the documentation range (RFC 5737). */
const HOME_PUBLIC_ADDRESS = '203.0.113.24';

/** Plex's client profile names per product family, as sessions report them in `Player.profile`. */
function profileFor(product: string, platform: string): string {
  if (/roku/i.test(product)) return 'Roku';
  if (/ios|iphone|ipad|tvos/i.test(product) || platform === 'iOS') return 'iOS';
  if (/android/i.test(product) || platform === 'Android') return 'Android';
  if (/web/i.test(product)) return 'Web';
  return 'Plex Desktop';
}

/** Plausible client facts for a device that is not an emulated player, by platform. */
const DEVICE_FACTS: Record<
  string,
  {
    product: string;
    device: string;
    model: string;
    vendor: string;
    version: string;
    platformVersion: string;
  }
> = {
  Roku: {
    product: 'Plex for Roku',
    device: 'Roku Ultra',
    model: '4850X',
    vendor: 'Roku',
    version: '8.3.1.1456',
    platformVersion: '12.5.0',
  },
  iOS: {
    product: 'Plex for iOS',
    device: 'iPhone',
    model: 'iPhone15,2',
    vendor: 'Apple',
    version: '2024.22.0',
    platformVersion: '18.1',
  },
  Android: {
    product: 'Plex for Android (Mobile)',
    device: 'Pixel 8',
    model: 'shiba',
    vendor: 'Google',
    version: '10.24.0.1290',
    platformVersion: '15',
  },
  Chrome: {
    product: 'Plex Web',
    device: 'Linux',
    model: 'hosted',
    vendor: '',
    version: '4.145.1',
    platformVersion: '131.0',
  },
};

/** A LAN or WAN address for a device that is not an emulated player, stable per device. */
function deviceAddress(device: DeviceRecord | undefined, session: SessionRecord): string {
  const host = 60 + ((device?.id ?? 0) % 100);
  return session.location === 'lan' ? `192.168.1.${host}` : `198.51.100.${host}`;
}

function fromPlayer(player: PlayerRecord, session: SessionRecord): Fields {
  return {
    address: player.address,
    device: player.device,
    machineIdentifier: player.machineIdentifier,
    model: player.model,
    platform: player.platform,
    platformVersion: player.platformVersion,
    product: player.product,
    profile: profileFor(player.product, player.platform),
    remotePublicAddress: HOME_PUBLIC_ADDRESS,
    state: session.state,
    title: player.name,
    vendor: player.vendor,
    version: player.version,
    local: session.location === 'lan',
  };
}

function fromDevice(device: DeviceRecord | undefined, session: SessionRecord): Fields {
  const platform = device?.platform ?? 'Unknown';
  const facts = DEVICE_FACTS[platform];
  const product = facts?.product ?? `Plex for ${platform}`;
  const address = deviceAddress(device, session);
  return {
    address,
    device: facts?.device,
    machineIdentifier: session.playerId,
    model: facts?.model,
    platform,
    platformVersion: facts?.platformVersion,
    product,
    profile: profileFor(product, platform),
    remotePublicAddress: session.location === 'lan' ? HOME_PUBLIC_ADDRESS : address,
    state: session.state,
    title: device?.name ?? session.playerId,
    vendor: facts?.vendor,
    version: facts?.version,
    local: session.location === 'lan',
  };
}

/**
 * The session's `Player` element: from the emulated player when the session runs on one,
 * otherwise from the `/devices` record of the client that reported it.
 */
export function renderSessionPlayer(state: EmulatorState, session: SessionRecord): Fields {
  const player = state.players.get(session.playerId);
  const device = state.devices.find((entry) => entry.clientIdentifier === session.playerId);
  return omitEmpty({
    ...(player ? fromPlayer(player, session) : fromDevice(device, session)),
    relayed: false,
    secure: true,
    userID: session.accountId,
  });
}
