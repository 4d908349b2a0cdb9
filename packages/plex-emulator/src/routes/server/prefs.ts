import { HttpError, type RequestContext, requireOwner, requireQuery } from '../../http/context.js';
import { container, emptyOk, type Fields, listContainer, omitEmpty } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { SettingRecord } from '../../state/types.js';

/** A `Setting` element; `enumValues` only on restricted prefs, as PMS sends it. */
export function renderSetting(setting: SettingRecord): Fields {
  return {
    id: setting.id,
    label: setting.label,
    summary: setting.summary,
    type: setting.type,
    default: setting.default,
    value: setting.value,
    hidden: setting.hidden,
    advanced: setting.advanced,
    group: setting.group,
    enumValues: setting.enumValues,
  };
}

/**
 * Parses a query value for a pref of the given type. Returns undefined when the value does not
 * fit, which PMS answers with 400.
 */
export function parsePrefValue(
  setting: SettingRecord,
  raw: string,
): SettingRecord['value'] | undefined {
  switch (setting.type) {
    case 'bool':
      if (raw === '1' || raw === 'true') return true;
      if (raw === '0' || raw === 'false') return false;
      return undefined;
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return undefined;
      const value = Number(raw);
      return allowedByEnum(setting, raw) ? value : undefined;
    }
    case 'double': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value) ? value : undefined;
    }
    case 'text':
      return allowedByEnum(setting, raw) ? raw : undefined;
  }
}

/** Restricted prefs accept only the values their `enumValues` list (`value:label|…`). */
function allowedByEnum(setting: SettingRecord, raw: string): boolean {
  if (!setting.enumValues) return true;
  return setting.enumValues.split('|').some((choice) => choice.split(':')[0] === raw);
}

/** PMS's plain-text 400 for an unknown pref (not its usual HTML page). */
function unknownPreference(name: string): Response {
  return new Response(`cannot set preference value for unknown preference ${name}`, {
    status: 400,
    headers: { 'Content-Type': 'text/html' },
  });
}

/**
 * `PUT /:/prefs?Name=value&…`: validates every pair before applying any, so a bad request
 * changes nothing. Applies side effects the rest of the server reads (`FriendlyName`).
 */
function setPrefs(ctx: RequestContext): Response {
  requireOwner(ctx);
  const { state, services } = ctx;
  const updates: { setting: SettingRecord; value: SettingRecord['value'] }[] = [];
  for (const [name, raw] of ctx.query) {
    // Clients may send their X-Plex-* headers (token included) as query parameters.
    if (name.startsWith('X-Plex-')) continue;
    const setting = state.prefs.find((candidate) => candidate.id === name);
    if (!setting) return unknownPreference(name);
    const value = parsePrefValue(setting, raw);
    if (value === undefined) throw new HttpError(400, `bad value for preference ${name}`);
    updates.push({ setting, value });
  }
  if (updates.length === 0) throw new HttpError(400, 'no preferences given');

  for (const { setting, value } of updates) {
    if (setting.value === value) continue;
    setting.value = value;
    if (setting.id === 'FriendlyName' && typeof value === 'string' && value !== '') {
      state.server.friendlyName = value;
    }
    services.log(
      'Plex Media Server.log',
      'DEBUG',
      `Preferences: setting ${setting.id} to ${value}`,
    );
    services.notify({
      type: 'preference',
      element: 'Setting',
      // The notification carries the whole Setting, as `/:/prefs` lists it.
      entries: [omitEmpty(renderSetting(setting))],
    });
  }
  state.revision++;
  return emptyOk();
}

/** `/:/prefs` (list, set) and `/:/prefs/get?id=` (one). */
export const prefsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/:/prefs',
    handler: (ctx) =>
      listContainer(ctx.page, { Setting: ctx.state.prefs.map(renderSetting) }, 'Setting'),
  },
  { method: 'PUT', path: '/:/prefs', handler: setPrefs },
  {
    method: 'GET',
    path: '/:/prefs/get',
    handler: (ctx) => {
      const id = requireQuery(ctx, 'id');
      const setting = ctx.state.prefs.find((candidate) => candidate.id === id);
      if (!setting) throw new HttpError(404, `no preference ${id}`);
      return container({ Setting: [renderSetting(setting)] }, 'Setting');
    },
  },
];
