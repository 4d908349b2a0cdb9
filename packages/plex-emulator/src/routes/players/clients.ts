import { type RequestContext, requireAccount } from '../../http/context.js';
import { container } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { PlayerRecord } from '../../state/types.js';

/** One `/clients` entry (a `Server` element), with the fields python-plexapi reads. */
function renderClient(player: PlayerRecord) {
  return {
    name: player.name,
    host: player.address,
    address: player.address,
    port: player.port,
    machineIdentifier: player.machineIdentifier,
    version: player.version,
    protocol: 'plex',
    product: player.product,
    deviceClass: player.deviceClass,
    protocolVersion: Number(player.protocolVersion),
    protocolCapabilities: player.protocolCapabilities.join(','),
  };
}

/**
 * `GET /clients`: the players the server can reach. The owner sees all of them; other accounts
 * see the players signed in to their own account, the only ones they may control.
 */
function listClients(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const players = [...ctx.state.players.values()].filter(
    (player) => account.kind === 'owner' || player.accountId === account.id,
  );
  return container({ size: players.length, Server: players.map(renderClient) }, 'Server');
}

/** `/clients`. */
export const clientRoutes: Route[] = [{ method: 'GET', path: '/clients', handler: listClients }];
