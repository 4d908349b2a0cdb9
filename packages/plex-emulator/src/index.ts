export {
  createPlexEmulator,
  type LibraryOption,
  type ListeningEmulator,
  type PlexEmulator,
  type PlexEmulatorOptions,
} from './emulator.js';
export type { FaultConfig } from './faults/faults.js';
export type { MalformedBody } from './faults/malformed.js';
export type { PlexNotification } from './services/notifications.js';
export type { EmulatorState } from './state/store.js';
export type * from './state/types.js';
export { TYPE_NUMBER } from './state/types.js';
