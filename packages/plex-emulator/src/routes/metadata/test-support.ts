import type { PlexEmulator } from '../../emulator.js';
import type { ItemRecord, ItemType } from '../../state/types.js';

/** The demo item with a title (and type), found the way tests should: by title, not by key. */
export function itemByTitle(emulator: PlexEmulator, title: string, type?: ItemType): ItemRecord {
  const item = [...emulator.state.items.values()].find(
    (candidate) => candidate.title === title && (type === undefined || candidate.type === type),
  );
  if (!item) throw new Error(`no demo item titled ${title}`);
  return item;
}

/** The server token of a demo account by username. */
export function tokenOf(emulator: PlexEmulator, username: string): string {
  const account = [...emulator.state.accounts.values()].find(
    (entry) => entry.username === username,
  );
  if (!account) throw new Error(`no demo account ${username}`);
  return account.serverToken;
}

/** Fetches a binary response (an image) as the owner; `call` reads bodies as text. */
export async function fetchBytes(
  emulator: PlexEmulator,
  path: string,
  token: string = emulator.token,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await emulator.fetch(
    new Request(new URL(path, 'http://plex.test:32400'), { headers: { 'X-Plex-Token': token } }),
  );
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The exact HTML body PMS sends with an error status. */
export function htmlBody(status: 400 | 401 | 403 | 404 | 409): string {
  const reasons = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
  } as const;
  const reason = reasons[status];
  return `<html><head><title>${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`;
}
