import type { Transport } from '../http/transport.js';
import {
  type Account,
  accountsContainerSchema,
  type Device,
  devicesContainerSchema,
} from '../schemas/accounts.js';
import { expectOne, segment, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** The `accounts` namespace of a Plex client. */
export interface AccountsApi {
  /**
   * Every account the server knows (`GET /accounts`), system account 0 first as PMS lists it;
   * the owner is 1.
   */
  list(options?: CallOptions): Promise<Account[]>;
  /** One account (`GET /accounts/{id}`); `NOT_FOUND` when the server has no such account. */
  get(id: number | string, options?: CallOptions): Promise<Account>;
  /** Every client device that has talked to the server (`GET /devices`). */
  devices(options?: CallOptions): Promise<Device[]>;
  /** One device (`GET /devices/{id}`). */
  device(id: number | string, options?: CallOptions): Promise<Device>;
}

/**
 * The server's local accounts and devices: the ids history entries and statistics rows refer
 * to. Devices live here rather than in a namespace of their own because they only matter as the
 * other half of "who watched on what".
 */
export function accountsApi(transport: Transport): AccountsApi {
  return {
    /**
     * Every account the server knows (`GET /accounts`), system account 0 first as PMS lists it;
     * the owner is 1.
     */
    async list(options: CallOptions = {}): Promise<Account[]> {
      const body = await transport.json(
        { path: '/accounts', ...withSignal(options) },
        accountsContainerSchema,
      );
      return body.MediaContainer.Account;
    },

    /** One account (`GET /accounts/{id}`); `NOT_FOUND` when the server has no such account. */
    async get(id: number | string, options: CallOptions = {}): Promise<Account> {
      const path = `/accounts/${segment(id)}`;
      const body = await transport.json({ path, ...withSignal(options) }, accountsContainerSchema);
      return expectOne(body.MediaContainer.Account, transport, path, 'account');
    },

    /** Every client device that has talked to the server (`GET /devices`). */
    async devices(options: CallOptions = {}): Promise<Device[]> {
      const body = await transport.json(
        { path: '/devices', ...withSignal(options) },
        devicesContainerSchema,
      );
      return body.MediaContainer.Device;
    },

    /** One device (`GET /devices/{id}`). */
    async device(id: number | string, options: CallOptions = {}): Promise<Device> {
      const path = `/devices/${segment(id)}`;
      const body = await transport.json({ path, ...withSignal(options) }, devicesContainerSchema);
      return expectOne(body.MediaContainer.Device, transport, path, 'device');
    },
  };
}
