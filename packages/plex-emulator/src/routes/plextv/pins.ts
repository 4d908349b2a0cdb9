import { createHash } from 'node:crypto';
import { type RequestContext, requireAccount } from '../../http/context.js';
import { json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { PinRecord } from '../../state/types.js';
import { clientIdentifierOf, missingClientIdentifier, plexTvError } from './errors.js';
import { isoSeconds } from './people.js';

/** plex.tv gives a plex.tv/link code 15 minutes and a strong (OAuth) code 30. */
const LINK_CODE_SECONDS = 900;
const STRONG_CODE_SECONDS = 1800;
const LINK_CODE_ALPHABET = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
const STRONG_CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Where plex.tv places the caller; it geolocates the request IP, the emulator has no such. */
const LOCATION = {
  code: 'US',
  european_union_member: false,
  continent_code: 'NA',
  country: 'United States',
  city: 'Chicago',
  time_zone: 'America/Chicago',
  postal_code: '60601',
  in_privacy_restricted_country: false,
  in_privacy_restricted_region: false,
  subdivisions: 'Illinois',
  coordinates: '41.8781, -87.6298',
};

function pinNotFound(): Response {
  return plexTvError(404, 1020, 'Code not found or expired');
}

function renderPin(pin: PinRecord, now: number) {
  return {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    location: LOCATION,
    expiresIn: Math.max(0, pin.expiresAt - now),
    createdAt: isoSeconds(pin.createdAt),
    expiresAt: isoSeconds(pin.expiresAt),
    authToken: pin.authToken,
    newRegistration: null,
  };
}

/** A code derived from the PIN's identity: repeatable runs, distinct codes. */
function makeCode(seed: string, strong: boolean): string {
  const alphabet = strong ? STRONG_CODE_ALPHABET : LINK_CODE_ALPHABET;
  const digest = createHash('sha256').update(seed).digest();
  let code = '';
  for (let i = 0; i < (strong ? 25 : 4); i++) code += alphabet[(digest[i] ?? 0) % alphabet.length];
  return code;
}

/** A live PIN by id or code; expired ones are forgotten on the way, as plex.tv drops them. */
function livePins(ctx: RequestContext): PinRecord[] {
  const now = ctx.services.nowSeconds();
  for (const [id, pin] of ctx.state.pins) if (pin.expiresAt < now) ctx.state.pins.delete(id);
  return [...ctx.state.pins.values()];
}

function sameCode(pin: PinRecord, code: string): boolean {
  // Link codes are typed by people, so plex.tv/link takes them in any case.
  return pin.strong ? pin.code === code : pin.code === code.toUpperCase();
}

/** Reads a form field from the body (form or JSON), falling back to the query string. */
async function formField(ctx: RequestContext, name: string): Promise<string | undefined> {
  const text = await ctx.request.text();
  if (text) {
    const type = ctx.request.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      try {
        const value = (JSON.parse(text) as Record<string, unknown>)[name];
        if (typeof value === 'string' || typeof value === 'number') return String(value);
      } catch {
        // Not JSON after all; fall through to the query string.
      }
    } else {
      const value = new URLSearchParams(text).get(name);
      if (value) return value;
    }
  }
  return ctx.query.get(name) ?? undefined;
}

/**
 * plex.tv sign-in PINs. A client creates one (no token needed), shows its code or opens the
 * OAuth page, and polls it until the user approves; `PUT /api/v2/pins/link` is that approval
 * (python-plexapi's `MyPlexAccount.link`), which tests use to sign a client in.
 */
export const pinRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/v2/pins',
    public: true,
    handler: async (ctx) => {
      const clientIdentifier = clientIdentifierOf(ctx);
      if (!clientIdentifier) return missingClientIdentifier();
      const strongParam = ctx.query.get('strong') ?? (await formField(ctx, 'strong'));
      const strong = strongParam === 'true' || strongParam === '1';
      const now = ctx.services.nowSeconds();
      const id = ctx.state.nextId('plexTvPin', 308_667_301);
      const taken = new Set(livePins(ctx).map((pin) => pin.code));
      let code = makeCode(`${id}:${clientIdentifier}`, strong);
      for (let salt = 1; taken.has(code); salt++) {
        code = makeCode(`${id}:${clientIdentifier}:${salt}`, strong);
      }
      const pin: PinRecord = {
        id,
        code,
        clientIdentifier,
        product: ctx.request.headers.get('X-Plex-Product') ?? ctx.query.get('X-Plex-Product') ?? '',
        strong,
        createdAt: now,
        expiresAt: now + (strong ? STRONG_CODE_SECONDS : LINK_CODE_SECONDS),
        authToken: null,
      };
      ctx.state.pins.set(id, pin);
      return json(renderPin(pin, now), { status: 201 });
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/pins/link',
    handler: async (ctx) => {
      const account = requireAccount(ctx);
      const code = (await formField(ctx, 'code'))?.trim();
      if (!code) return plexTvError(400, 1000, 'Code is missing');
      const pin = livePins(ctx).find((candidate) => sameCode(candidate, code));
      if (!pin) return pinNotFound();
      pin.authToken = account.plexTvToken;
      return new Response(null, { status: 204 });
    },
  },
  {
    method: 'GET',
    path: '/api/v2/pins/{id}',
    public: true,
    handler: (ctx) => {
      const clientIdentifier = clientIdentifierOf(ctx);
      if (!clientIdentifier) return missingClientIdentifier();
      const id = Number(ctx.params.id);
      const pin = livePins(ctx).find((candidate) => candidate.id === id);
      // A PIN belongs to the client that made it; another client identifier cannot poll it.
      if (!pin || pin.clientIdentifier !== clientIdentifier) return pinNotFound();
      return json(renderPin(pin, ctx.services.nowSeconds()));
    },
  },
];
