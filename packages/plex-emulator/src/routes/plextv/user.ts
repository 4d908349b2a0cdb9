import { requireAccount } from '../../http/context.js';
import { json } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord } from '../../state/types.js';
import { homeMembers, isoSeconds } from './people.js';

/** Plex Pass features plex.tv lists on an active subscription (a representative subset). */
const PASS_FEATURES = [
  'adaptive_bitrate',
  'camera_upload',
  'collections',
  'content_filter',
  'download_certificates',
  'hardware_transcoding',
  'lyrics',
  'music_videos',
  'pass',
  'premium_music_metadata',
  'sync',
  'trailers',
  'webhooks',
];

/** How long plex.tv keeps a remembered sign-in before asking again. */
const REMEMBER_SECONDS = 14 * 86_400;

/**
 * The `/api/v2/user` body for an account, as plex.tv sends it: `authToken` is the account's own
 * plex.tv token (clients validate a token by reading it back), nulls and empty arrays included.
 */
export function renderV2User(state: EmulatorState, account: AccountRecord, now: number) {
  const home = homeMembers(state, account);
  const subscription = renderSubscription(account);
  const managed = account.kind === 'home' && account.restricted;
  return {
    id: account.plexId,
    uuid: account.uuid,
    username: account.username,
    title: account.title,
    email: account.email,
    friendlyName: account.title === account.username ? '' : account.title,
    locale: null,
    confirmed: true,
    joinedAt: account.joinedAt,
    emailOnlyAuth: false,
    hasPassword: !managed,
    protected: false,
    thumb: account.thumb,
    authToken: account.plexTvToken,
    mailingListStatus: 'unsubscribed',
    mailingListActive: false,
    scrobbleTypes: '',
    country: 'US',
    subscription,
    subscriptionDescription: account.subscription ? 'Lifetime Plex Pass' : null,
    restricted: account.restricted,
    anonymous: null,
    home: home.length > 1,
    guest: false,
    homeSize: Math.max(home.length, 1),
    homeAdmin: account.kind === 'owner' && home.length > 1,
    maxHomeSize: 15,
    rememberExpiresAt: now + REMEMBER_SECONDS,
    profile: {
      autoSelectAudio: true,
      defaultAudioLanguage: 'en',
      defaultSubtitleLanguage: 'en',
      autoSelectSubtitle: 0,
      defaultSubtitleAccessibility: 0,
      defaultSubtitleForced: 1,
      watchedIndicator: 1,
      mediaReviewsVisibility: 0,
    },
    entitlements: [],
    roles: account.subscription ? ['plexpass'] : [],
    services: [],
    adsConsent: null,
    adsConsentSetAt: null,
    adsConsentReminderAt: null,
    experimentalFeatures: false,
    twoFactorEnabled: false,
    backupCodesCreated: false,
    attributionPartner: null,
    subscriptions: account.subscription ? [subscription] : [],
  };
}

function renderSubscription(account: AccountRecord) {
  if (!account.subscription) {
    return {
      active: false,
      subscribedAt: null,
      status: 'Inactive',
      paymentService: null,
      plan: null,
      features: [],
    };
  }
  return {
    active: true,
    subscribedAt: isoSeconds(account.joinedAt + 30 * 86_400),
    status: 'Active',
    paymentService: 'braintree',
    plan: 'lifetime',
    features: PASS_FEATURES,
  };
}

/** `GET /api/v2/user`: the signed-in account, which is also how clients validate a token. */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v2/user',
    handler: (ctx) => json(renderV2User(ctx.state, requireAccount(ctx), ctx.services.nowSeconds())),
  },
];
