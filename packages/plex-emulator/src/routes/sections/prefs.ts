import type { RequestContext } from '../../http/context.js';
import { type Fields, listContainer, omitEmpty } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { SectionRecord, SectionType, SettingRecord } from '../../state/types.js';
import { requireSection } from './access.js';

/** What PMS says about one section preference; the value comes from `section.prefs`. */
interface SectionPref {
  label: string;
  summary: string;
  type: SettingRecord['type'];
  default: string;
  enumValues?: string;
  advanced?: boolean;
  /** Section types that have it; all when absent. */
  types?: readonly SectionType[];
}

const VIDEO: readonly SectionType[] = ['movie', 'show'];

/** Section preferences PMS offers, in its order (ids and labels as real servers send them). */
const SECTION_PREFS: Record<string, SectionPref> = {
  enableCinemaTrailers: {
    label: 'Enable Cinema Trailers',
    summary: 'Play trailers automatically prior to the selected movie.',
    type: 'bool',
    default: '1',
    types: ['movie'],
  },
  collectionMode: {
    label: 'Collections',
    summary: 'How to display collections.',
    type: 'int',
    default: '2',
    enumValues:
      '0:Disabled|1:Hide items which are in collections|2:Show collections and their items',
    types: ['movie', 'show'],
  },
  originalTitles: {
    label: 'Use original titles',
    summary: 'Use the original titles for all items rather than the localized ones.',
    type: 'bool',
    default: '0',
    types: VIDEO,
  },
  episodeSort: {
    label: 'Episode sorting',
    summary: 'How episodes are sorted by default.',
    type: 'int',
    default: '-1',
    enumValues: '-1:Library default|0:Oldest first|1:Newest first',
    types: ['show'],
  },
  flattenSeasons: {
    label: 'Seasons',
    summary: 'Whether seasons are shown or hidden.',
    type: 'int',
    default: '-1',
    enumValues: '-1:Library default|0:Show|2:Hide for single-season series|1:Hide',
    types: ['show'],
  },
  showOrdering: {
    label: 'Episode ordering',
    summary: 'The episode numbering scheme to use.',
    type: 'text',
    default: 'aired',
    enumValues:
      'aired:TheTVDB (Aired)|dvd:TheTVDB (DVD)|absolute:TheTVDB (Absolute)|tmdbAiring:The Movie Database (Aired)',
    types: ['show'],
  },
  respectTags: {
    label: 'Prefer local metadata',
    summary: 'Prefer embedded tags and local files over online metadata.',
    type: 'bool',
    default: '0',
    types: ['artist'],
  },
  augmentWithProviderContent: {
    label: 'Include related external content',
    summary: 'Show related content from Plex alongside your own.',
    type: 'bool',
    default: '1',
    types: ['artist'],
  },
  useLocalAssets: {
    label: 'Use local assets',
    summary: 'When scanning this library, use local posters and artwork if present.',
    type: 'bool',
    default: '1',
  },
  useExternalExtras: {
    label: 'Find extras',
    summary: 'Find trailers and extras automatically.',
    type: 'bool',
    default: '1',
    types: VIDEO,
  },
  enableBIFGeneration: {
    label: 'Enable video preview thumbnails',
    summary: 'Generate video preview thumbnails for items in this library.',
    type: 'bool',
    default: '1',
    advanced: true,
    types: VIDEO,
  },
  includeInGlobal: {
    label: 'Include in dashboard',
    summary: 'Include content from this library on the home screen.',
    type: 'bool',
    default: '1',
    advanced: true,
  },
};

/** The Visibility pref mirrors the section's `hidden` flag. */
function visibility(section: SectionRecord): Fields {
  return {
    id: 'hidden',
    label: 'Visibility',
    summary: 'Restrict where content from this library should appear.',
    type: 'int',
    default: 0,
    value: section.hidden,
    hidden: false,
    advanced: false,
    group: '',
    enumValues:
      '0:Include in home screen and global search|1:Exclude from home screen|2:Exclude from home screen and global search',
  };
}

/** A stored string as the JSON type of its pref (`bool` → boolean, `int` → number). */
function typed(type: SettingRecord['type'], raw: string): string | number | boolean {
  if (type === 'bool') return raw === '1' || raw === 'true';
  if (type === 'int' || type === 'double') {
    const number = Number(raw);
    return Number.isFinite(number) ? number : raw;
  }
  return raw;
}

/** The `Setting` list of a section: known prefs with their values, then any others as text. */
export function renderSectionPrefs(section: SectionRecord): Fields[] {
  const settings: Fields[] = [visibility(section)];
  for (const [id, pref] of Object.entries(SECTION_PREFS)) {
    if (pref.types && !pref.types.includes(section.type)) continue;
    const raw = section.prefs[id] ?? pref.default;
    settings.push(
      omitEmpty({
        id,
        label: pref.label,
        summary: pref.summary,
        type: pref.type,
        default: typed(pref.type, pref.default),
        value: typed(pref.type, raw),
        hidden: false,
        advanced: pref.advanced ?? false,
        group: '',
        enumValues: pref.enumValues,
      }),
    );
  }
  for (const [id, raw] of Object.entries(section.prefs)) {
    if (Object.hasOwn(SECTION_PREFS, id) || id === 'hidden') continue;
    settings.push({
      id,
      label: id,
      summary: '',
      type: 'text',
      default: '',
      value: raw,
      hidden: false,
      advanced: true,
      group: '',
    });
  }
  return settings;
}

/** `GET /library/sections/{id}/prefs`. */
function sectionPrefs(ctx: RequestContext): Response {
  return listContainer(ctx.page, { Setting: renderSectionPrefs(requireSection(ctx)) }, 'Setting');
}

/** Section preference routes. */
export const sectionPrefRoutes: Route[] = [
  { method: 'GET', path: '/library/sections/{id}/prefs', handler: sectionPrefs },
];
