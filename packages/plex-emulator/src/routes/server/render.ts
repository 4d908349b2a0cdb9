import type { Fields } from '../../http/responses.js';
import type { AccountRecord, DeviceRecord } from '../../state/types.js';

/**
 * PMS's built-in account 0 (no name, no avatar). Real servers list it first in `/accounts`, and
 * clients index past it (`systemAccounts()[1]` is the admin).
 */
export const SYSTEM_ACCOUNT_ID = 0;

/** An `Account` element as `/accounts` and the statistics endpoints send it. */
export function renderAccount(account: AccountRecord): Fields {
  return {
    id: account.id,
    key: `/accounts/${account.id}`,
    name: account.username,
    defaultAudioLanguage: 'en',
    autoSelectAudio: true,
    defaultSubtitleLanguage: 'en',
    // Shared users keep Plex's default (subtitles shown with foreign audio); the owner chose "always".
    subtitleMode: account.kind === 'owner' ? 2 : 1,
    thumb: account.thumb,
  };
}

/** The system account's `Account` element. */
export function renderSystemAccount(): Fields {
  return {
    id: SYSTEM_ACCOUNT_ID,
    key: `/accounts/${SYSTEM_ACCOUNT_ID}`,
    name: '',
    defaultAudioLanguage: 'en',
    autoSelectAudio: true,
    defaultSubtitleLanguage: 'en',
    subtitleMode: 0,
    thumb: '',
  };
}

/** A `Device` element as `/devices` and the statistics endpoints send it. */
export function renderDevice(device: DeviceRecord): Fields {
  return {
    id: device.id,
    name: device.name,
    platform: device.platform,
    clientIdentifier: device.clientIdentifier,
    createdAt: device.createdAt,
  };
}
