import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { syncPlayer } from '../../services/playback/player-playback.js';
import type { TimelineType } from '../../services/playback/sessions.js';
import type { PlayerRecord, TimelineRecord } from '../../state/types.js';

/**
 * Remote-control commands reach a player through the server: python-plexapi (and Plex apps)
 * send `/player/...` to PMS with `X-Plex-Target-Client-Identifier` naming the player, and PMS
 * forwards them. The emulator plays the player's part itself.
 */

/** The player a command is addressed to; 400 without a target, 404 for an unknown one. */
export function targetPlayer(ctx: RequestContext): PlayerRecord {
  const account = requireAccount(ctx);
  const id =
    ctx.request.headers.get('X-Plex-Target-Client-Identifier') ??
    ctx.query.get('X-Plex-Target-Client-Identifier');
  if (!id) throw new HttpError(400, 'X-Plex-Target-Client-Identifier is missing');
  const player = ctx.state.players.get(id);
  if (!player) throw new HttpError(404, `no player ${id}`);
  // Shared and managed users reach only the players signed in to their own account.
  if (account.kind !== 'owner' && player.accountId !== account.id) {
    throw new HttpError(403, `${account.username} may not control ${player.name}`);
  }
  recordCommandId(ctx, player);
  syncPlayer(ctx, player);
  return player;
}

/**
 * Notes the command's `commandID` under the controller's client identifier. Real players do not
 * drop repeated or lower ids (a controller that restarts counts from 1 again); they only echo
 * the latest id in their timelines. So every command runs, and the highest id is kept.
 */
function recordCommandId(ctx: RequestContext, player: PlayerRecord): void {
  const raw = ctx.query.get('commandID');
  if (raw === null || raw === '') return;
  const id = toInt(raw, 'commandID');
  if (id < 0) throw new HttpError(400, 'commandID must not be negative');
  const controller = ctx.clientIdentifier ?? '';
  const previous = player.commandIds[controller];
  if (previous === undefined || id > previous) player.commandIds[controller] = id;
}

/** A command needs a capability the player advertises in `/clients`; 400 otherwise. */
export function requireCapability(player: PlayerRecord, capability: string): void {
  if (!player.protocolCapabilities.includes(capability)) {
    throw new HttpError(400, `${player.name} does not support ${capability} commands`);
  }
}

/**
 * The timeline a playback command acts on: `type=video|music|photo` (`audio` means music), or
 * without `type` the one that is playing, else video (python-plexapi's default).
 */
export function commandType(ctx: RequestContext, player: PlayerRecord): TimelineType {
  const raw = ctx.query.get('type');
  if (raw !== null && raw !== '') {
    const type = raw === 'audio' ? 'music' : raw;
    if (type !== 'video' && type !== 'music' && type !== 'photo') {
      throw new HttpError(400, `bad media type ${raw}`);
    }
    return type;
  }
  const active = (['video', 'music', 'photo'] as const).find(
    (type) => player.timelines[type].state !== 'stopped',
  );
  return active ?? 'video';
}

/** The timeline of a type when something is on it; 400 when nothing plays there. */
export function activeTimeline(player: PlayerRecord, type: TimelineType): TimelineRecord {
  const timeline = player.timelines[type];
  if (timeline.state === 'stopped') {
    throw new HttpError(400, `${player.name} is not playing ${type}`);
  }
  return timeline;
}

/**
 * What PMS relays back from the player. Players answer `<Response code="200" status="OK"/>` or
 * nothing at all; an empty 200 is the form every client (XML or JSON) accepts.
 */
export function commandOk(): Response {
  return new Response(null, { status: 200, headers: { 'Content-Length': '0' } });
}
