import { HttpError, type RequestContext, toInt } from '../../http/context.js';
import { container, type Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { renderAccount, renderDevice, renderSystemAccount, SYSTEM_ACCOUNT_ID } from './render.js';

const ACCOUNTS_ID = 'com.plexapp.system.accounts';
const DEVICES_ID = 'com.plexapp.system.devices';

/** Every account the server knows, system account 0 first, then by id. */
function allAccounts(ctx: RequestContext): Fields[] {
  const accounts = [...ctx.state.accounts.values()].sort((a, b) => a.id - b.id);
  return [renderSystemAccount(), ...accounts.map(renderAccount)];
}

function oneAccount(ctx: RequestContext): Response {
  const id = toInt(ctx.params.id, 'account id');
  const account = ctx.state.accounts.get(id);
  const rendered =
    id === SYSTEM_ACCOUNT_ID ? renderSystemAccount() : account ? renderAccount(account) : undefined;
  if (!rendered) throw new HttpError(404, `no account ${id}`);
  return container({ identifier: ACCOUNTS_ID, Account: [rendered] }, 'Account');
}

function oneDevice(ctx: RequestContext): Response {
  const id = toInt(ctx.params.id, 'device id');
  const device = ctx.state.devices.find((candidate) => candidate.id === id);
  if (!device) throw new HttpError(404, `no device ${id}`);
  return container({ identifier: DEVICES_ID, Device: [renderDevice(device)] }, 'Device');
}

/** `/accounts`, `/accounts/{id}`, `/devices`, `/devices/{id}`: the server's local records. */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/accounts',
    handler: (ctx) => container({ identifier: ACCOUNTS_ID, Account: allAccounts(ctx) }, 'Account'),
  },
  { method: 'GET', path: '/accounts/{id}', handler: oneAccount },
  {
    method: 'GET',
    path: '/devices',
    handler: (ctx) =>
      container({ identifier: DEVICES_ID, Device: ctx.state.devices.map(renderDevice) }, 'Device'),
  },
  { method: 'GET', path: '/devices/{id}', handler: oneDevice },
];
