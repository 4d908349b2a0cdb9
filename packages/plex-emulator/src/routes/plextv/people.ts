import { createHash } from 'node:crypto';
import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord, SectionRecord } from '../../state/types.js';
import type { XmlValue } from './xml.js';

/*
 * How the emulator's accounts relate on plex.tv. The owner runs the only server and heads a
 * Plex Home; `home` accounts are members of that home, `friend` accounts are plex.tv friends the
 * server is shared with. Friendship is mutual, so a friend's friend list holds the owner.
 */

/** Whether an account belongs to the owner's Plex Home (the owner heads it). */
export function inHome(account: AccountRecord): boolean {
  return account.kind === 'owner' || account.kind === 'home';
}

/** Members of the caller's Plex Home, admin first; empty when the caller is in no home. */
export function homeMembers(state: EmulatorState, caller: AccountRecord): AccountRecord[] {
  if (!inHome(caller)) return [];
  return sortedAccounts(state).filter(inHome);
}

/** The caller's plex.tv friends. */
export function friendsOf(state: EmulatorState, caller: AccountRecord): AccountRecord[] {
  if (caller.kind === 'owner') return sortedAccounts(state).filter((a) => a.kind === 'friend');
  if (caller.kind === 'friend') return [state.owner];
  return [];
}

/** Accounts the emulated server is shared with (everyone but its owner). */
export function sharedWith(state: EmulatorState): AccountRecord[] {
  return sortedAccounts(state).filter((a) => a.kind !== 'owner');
}

/** Library sections an account can see on the emulated server (all of them for the owner). */
export function sectionsFor(state: EmulatorState, account: AccountRecord): SectionRecord[] {
  const all = [...state.sections.values()].sort((a, b) => a.id - b.id);
  if (account.kind === 'owner') return all;
  return all.filter((section) => account.sharedSectionIds.includes(section.id));
}

/** Whether every library of the server is shared with the account. */
export function sharesAllLibraries(state: EmulatorState, account: AccountRecord): boolean {
  return sectionsFor(state, account).length === state.sections.size;
}

/** plex.tv's numeric id for the emulated server, stable for a machine identifier. */
export function plexTvServerId(state: EmulatorState): number {
  const digest = createHash('sha256').update(state.server.machineIdentifier).digest();
  return 1_000_000 + (digest.readUInt32BE(0) % 9_000_000);
}

/** plex.tv's id for the share of the emulated server with one account (`SharedServer id`). */
export function shareIdFor(account: AccountRecord): number {
  return 20_000_000 + account.plexId;
}

/** plex.tv numbers library sections globally; the server's own number is the section `key`. */
export function plexTvSectionId(state: EmulatorState, section: SectionRecord): number {
  return plexTvServerId(state) * 100 + section.id;
}

/** When the owner invited an account (plex.tv remembers it per share). */
export function invitedAt(state: EmulatorState, account: AccountRecord): number {
  return Math.max(account.joinedAt, state.owner.joinedAt) + 86_400;
}

/** When the server was registered on plex.tv: as old as its oldest library. */
export function serverCreatedAt(state: EmulatorState, now: number): number {
  let oldest = now - 400 * 86_400;
  for (const section of state.sections.values()) oldest = Math.min(oldest, section.createdAt);
  return oldest;
}

/** plex.tv v2 timestamps: ISO 8601 in UTC, whole seconds. */
export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** plex.tv's own identifier on legacy myPlex containers (not the media server's). */
const MYPLEX_MACHINE_ID = '0d6e3c2b9a8f7e6d5c4b3a291807f6e5d4c3b2a1';

/** The attributes every legacy myPlex `MediaContainer` carries. */
export function myPlexContainer(size: number): Record<string, XmlValue> {
  return {
    friendlyName: 'myPlex',
    identifier: 'com.plexapp.plugins.myplex',
    machineIdentifier: MYPLEX_MACHINE_ID,
    totalSize: size,
    size,
  };
}

function sortedAccounts(state: EmulatorState): AccountRecord[] {
  return [...state.accounts.values()].sort((a, b) => a.id - b.id);
}
