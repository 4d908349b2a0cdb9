import type { RequestContext } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { type Fields, omitEmpty, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import {
  type FilterChoice,
  filterChoices,
  firstCharacters,
  parseItemType,
  topType,
  typeNumber,
} from '../../library/index.js';
import { requireSection } from './access.js';
import { secondaryFields } from './render.js';

/** The value lists a section serves, with the `title2` PMS gives each. */
const TAG_LISTS: Record<string, string> = {
  genre: 'By Genre',
  year: 'By Year',
  decade: 'By Decade',
  director: 'By Director',
  actor: 'By Starring Actor',
  writer: 'By Writer',
  producer: 'By Producer',
  country: 'By Country',
  contentRating: 'By Content Rating',
  studio: 'By Studio',
  resolution: 'By Resolution',
  collection: 'By Collection',
  label: 'By Label',
  style: 'By Style',
  mood: 'By Mood',
  audioLanguage: 'By Audio Language',
  subtitleLanguage: 'By Subtitle Language',
};

/**
 * `GET /library/sections/{id}/{genre|year|actor|…}?type=N`: the values a filter can take, each
 * with the `fastKey` that lists its items and the `key` to send back as the filter value.
 */
function tagList(ctx: RequestContext, field: string): Response {
  const section = requireSection(ctx);
  const type = parseItemType(ctx.query.get('type')) ?? topType(section.type);
  const typeSuffix = type === topType(section.type) ? '' : `&type=${typeNumber(type)}`;
  const render = (choice: FilterChoice): Fields =>
    omitEmpty({
      fastKey: `/library/sections/${section.id}/all?${field}=${encodeURIComponent(choice.key)}${typeSuffix}`,
      thumb: choice.thumb,
      key: choice.key,
      title: choice.title,
      type: field === 'actor' ? undefined : field,
    });
  const choices = filterChoices(ctx.state, section, type, field);
  return pagedContainer(
    cutPage(choices, ctx.page),
    'Directory',
    render,
    secondaryFields(ctx, section, TAG_LISTS[field]),
  );
}

/** `GET /library/sections/{id}/firstCharacter`: first letters of sort titles, with counts. */
function firstCharacterList(ctx: RequestContext): Response {
  const section = requireSection(ctx);
  const type = parseItemType(ctx.query.get('type')) ?? topType(section.type);
  const letters = firstCharacters(ctx.state, section, type);
  return pagedContainer(
    cutPage(letters, ctx.page),
    'Directory',
    (letter) => ({
      size: letter.count,
      key: encodeURIComponent(letter.character),
      title: letter.character,
    }),
    secondaryFields(ctx, section, 'By First Letter'),
  );
}

/** The tag-list routes, one per listable field (no `{tag}` wildcard, so `/collections` stays free). */
export const sectionTagRoutes: Route[] = [
  ...Object.keys(TAG_LISTS).map(
    (field): Route => ({
      method: 'GET',
      path: `/library/sections/{id}/${field}`,
      handler: (ctx) => tagList(ctx, field),
    }),
  ),
  { method: 'GET', path: '/library/sections/{id}/firstCharacter', handler: firstCharacterList },
];
