/**
 * Developer script, run by hand (never at build, run or test time):
 *
 *   pnpm exec tsx packages/plex-emulator/scripts/field-inventory.ts \
 *     <official pms-openapi.json> [community-spec.json] > packages/plex-emulator/src/testing/plex-fields.json
 *
 * It reads Plex's official PMS OpenAPI description (and, optionally, the community description
 * with its recorded responses, converted to JSON) and prints, for every GET endpoint the emulator
 * serves, which response fields Plex documents and their JSON types. Only those facts are kept —
 * no descriptions or examples — so the committed output is ours to test against without copying
 * the specs.
 *
 * Output shape: `endpoints` maps an emulator route to its container's fields; `elements` maps an
 * element name (`metadata`, `stream`, `tag`, …) to its fields. A field named `x[]` is an array;
 * a type `@name` is an element described under `elements`. Elements are pooled by name because
 * Plex reuses them everywhere (a `stream` is the same in a listing and in a session) and because
 * a listing legitimately carries fewer fields than the item's own page.
 */
import { readFileSync } from 'node:fs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };
type Fields = Record<string, string>;

/**
 * The emulator's JSON GET routes and where each spec describes them. The official spec wins
 * where both have the path; the community one fills in paths the official one leaves out (a
 * show's children, the section list) and adds fields seen on real servers.
 */
const ENDPOINTS: Record<string, { official?: string; community?: string }> = {
  '/': { official: '/', community: '/' },
  '/identity': { official: '/identity', community: '/identity' },
  '/:/prefs': { official: '/:/prefs' },
  '/activities': { official: '/activities', community: '/activities' },
  '/butler': { official: '/butler', community: '/butler' },
  '/updater/status': { official: '/updater/status', community: '/updater/status' },
  '/hubs': { official: '/hubs' },
  '/hubs/continueWatching': { official: '/hubs/continueWatching' },
  '/hubs/search': { official: '/hubs/search', community: '/hubs/search' },
  '/hubs/sections/{id}': { official: '/hubs/sections/{sectionId}' },
  '/hubs/metadata/{id}/related': { official: '/hubs/metadata/{metadataId}/related' },
  '/library/sections': { community: '/library/sections' },
  '/library/sections/all': { official: '/library/sections/all' },
  '/library/sections/{id}': {
    official: '/library/sections/{sectionId}',
    community: '/library/sections/{sectionKey}',
  },
  '/library/sections/{id}/all': {
    official: '/library/sections/{sectionId}/all',
    community: '/library/sections/{sectionKey}/all',
  },
  '/library/sections/{id}/collections': { official: '/library/sections/{sectionId}/collections' },
  '/library/sections/{id}/prefs': { official: '/library/sections/{sectionId}/prefs' },
  '/library/recentlyAdded': { community: '/library/recentlyAdded' },
  '/library/metadata/{ids}': {
    official: '/library/metadata/{ids}',
    community: '/library/metadata/{ratingKey}',
  },
  '/library/metadata/{id}/children': { community: '/library/metadata/{ratingKey}/children' },
  '/library/metadata/{id}/allLeaves': { official: '/library/metadata/{ids}/allLeaves' },
  '/library/metadata/{id}/similar': { official: '/library/metadata/{ids}/similar' },
  '/library/metadata/{id}/related': { official: '/library/metadata/{ids}/related' },
  '/library/collections/{id}/items': { official: '/library/collections/{collectionId}/items' },
  '/playlists': { official: '/playlists', community: '/playlists' },
  '/playlists/{id}': { official: '/playlists/{playlistId}' },
  '/playlists/{id}/items': { official: '/playlists/{playlistId}/items' },
  '/playQueues/{id}': { official: '/playQueues/{playQueueId}' },
  '/status/sessions': { official: '/status/sessions', community: '/status/sessions' },
  '/status/sessions/history/all': {
    official: '/status/sessions/history/all',
    community: '/status/sessions/history/all',
  },
};

/** Prefix of the per-route element holding a response's `MediaContainer` fields. */
const CONTAINER = 'container ';

const JSON_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);

class Inventory {
  readonly endpoints: Record<string, Fields> = {};
  readonly elements: Record<string, Fields> = {};

  /** The route being read: its top-level `MediaContainer` is its own, not a pooled element. */
  private route = '';

  constructor(private readonly spec: Schema) {}

  /** Adds one operation's 200 JSON response (its schema and any recorded examples). */
  addOperation(route: string, specPath: string): boolean {
    const operation = (this.spec.paths as Schema)?.[specPath] as Schema | undefined;
    const get = operation?.get as Schema | undefined;
    if (get === undefined) return false;
    let response = (get.responses as Schema)?.['200'] as Schema | undefined;
    if (response?.$ref !== undefined) response = this.resolve(String(response.$ref));
    const media = (response?.content as Schema | undefined)?.['application/json'] as
      | Schema
      | undefined;
    if (media === undefined) return false;
    this.route = route;
    const fields = tableOf(this.endpoints, route);
    if (media.schema !== undefined) this.walkObject(media.schema as Schema, fields, new Set());
    // Recorded examples are real answers: their field names are facts about the response too.
    const examples = Object.values((media.examples as Schema | undefined) ?? {}).map(
      (one) => (one as Schema).value,
    );
    if (media.example !== undefined) examples.push(media.example);
    for (const example of examples) this.walkValue(example, fields);
    return true;
  }

  private resolve(ref: string): Schema {
    let node: Json = this.spec;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Schema)[part] as Json;
    return node as Schema;
  }

  /** Follows `$ref` aliases to the last name, which names the element. */
  private deref(schema: Schema): { schema: Schema; name?: string } {
    let name: string | undefined;
    let node = schema;
    while (typeof node.$ref === 'string') {
      name = node.$ref.split('/').pop();
      node = this.resolve(node.$ref);
    }
    return { schema: node, name };
  }

  /** Records the properties of an object schema (and its allOf/oneOf/anyOf parts) into `into`. */
  private walkObject(schema: Schema, into: Fields, seen: Set<string>): void {
    const { schema: node } = this.deref(schema);
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      for (const part of (node[key] as Schema[] | undefined) ?? []) {
        this.walkObject(part, into, seen);
      }
    }
    for (const [field, property] of Object.entries((node.properties as Schema) ?? {})) {
      this.addField(into, field, property as Schema, seen);
    }
  }

  private addField(into: Fields, field: string, property: Schema, seen: Set<string>): void {
    const { schema: node, name } = this.deref(property);
    const isArray = node.type === 'array' || node.items !== undefined;
    const item = isArray ? this.deref((node.items as Schema) ?? {}) : { schema: node, name };
    const key = isArray ? `${field}[]` : field;
    if (isObjectSchema(item.schema)) {
      const element = this.elementName(item.name, field);
      if (field === 'MediaContainer' && seen.has(element)) {
        // The official spec nests `MediaContainer` in itself through `allOf` (one PMS answer has
        // one container): read the inner one's fields as the outer one's.
        this.walkObject(item.schema, into, seen);
        return;
      }
      merge(into, key, `@${element}`);
      if (seen.has(element)) return;
      const fields = tableOf(this.elements, element);
      this.walkObject(item.schema, fields, new Set([...seen, element]));
      return;
    }
    merge(into, key, typeOf(item.schema));
  }

  /**
   * Names an element: the spec's component name when it has one (`tag` for Genre, Role, …), else
   * the field that holds it (`Stream` → `stream`), so both specs' descriptions of one element pool.
   */
  private elementName(component: string | undefined, field: string): string {
    if (field === 'MediaContainer') return `${CONTAINER}${this.route}`;
    const raw =
      component !== undefined && !/^(properties-|mediaContainer)/i.test(component)
        ? component
        : field;
    return raw.charAt(0).toLowerCase() + raw.slice(1);
  }

  /** Records the field names and value types of one recorded response. */
  private walkValue(value: Json, into: Fields): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [field, child] of Object.entries(value)) {
      if (/[^\w.]/.test(field)) continue; // typos in the recorded examples (`ownerFeatures"`)
      const items = Array.isArray(child) ? child : [child];
      const key = Array.isArray(child) ? `${field}[]` : field;
      for (const one of items) {
        if (one !== null && typeof one === 'object' && !Array.isArray(one)) {
          const element = this.elementName(undefined, field);
          merge(into, key, `@${element}`);
          this.walkValue(one, tableOf(this.elements, element));
        } else if (one !== null) {
          merge(into, key, valueType(one));
        }
      }
    }
  }
}

function isObjectSchema(schema: Schema): boolean {
  if (schema.properties !== undefined) return true;
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    if ((schema[key] as Schema[] | undefined)?.some((part) => isObjectSchema(part))) return true;
  }
  return false;
}

function typeOf(schema: Schema): string {
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  const types = declared.filter((one): one is string => JSON_TYPES.has(String(one)));
  if (types.length > 0) {
    const unique = [...new Set(types.filter((one) => one !== 'null'))].sort();
    return unique.join('|') || 'null';
  }
  if (schema.example !== undefined && schema.example !== null) return valueType(schema.example);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return valueType(schema.enum[0]!);
  return 'any';
}

function valueType(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Adds a type to a field, keeping every type either spec gives (`integer|string`). */
function merge(into: Fields, key: string, type: string): void {
  const current = into[key];
  if (current === undefined || current === 'any') {
    into[key] = type;
    return;
  }
  if (type === 'any') return;
  // An element reference wins over a primitive guess from an example (same field, two specs).
  if (type.startsWith('@') || current.startsWith('@')) {
    into[key] = current.startsWith('@') ? current : type;
    return;
  }
  // 1 and 1.5 are both numbers: record the wider type once.
  const types = new Set([...current.split('|'), ...type.split('|')]);
  if (types.has('number')) types.delete('integer');
  into[key] = [...types].sort().join('|');
}

/** Sorts fields, dropping an untyped `x` where the other spec says `x[]` (one field, two guesses). */
/** The field table under `key`, created empty on first use. */
function tableOf(tables: Record<string, Fields>, key: string): Fields {
  tables[key] ??= {};
  return tables[key];
}

function sorted(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key, type]) => !(type === 'any' && fields[`${key}[]`] !== undefined))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function main(): void {
  const [officialPath, communityPath] = process.argv.slice(2);
  if (officialPath === undefined) {
    process.stderr.write('usage: field-inventory.ts <pms-openapi.json> [community.json]\n');
    process.exit(2);
  }
  const official = JSON.parse(readFileSync(officialPath, 'utf8')) as Schema;
  const community =
    communityPath === undefined
      ? undefined
      : (JSON.parse(readFileSync(communityPath, 'utf8')) as Schema);
  const officialInventory = new Inventory(official);
  const communityInventory = community === undefined ? undefined : new Inventory(community);
  for (const [route, where] of Object.entries(ENDPOINTS)) {
    const found =
      (where.official !== undefined && officialInventory.addOperation(route, where.official)) ||
      false;
    const extra =
      where.community !== undefined && communityInventory !== undefined
        ? communityInventory.addOperation(route, where.community)
        : false;
    if (!found && !extra) process.stderr.write(`no JSON response described for ${route}\n`);
  }
  // One fact table: the official types first, the community's fields and types added to them.
  const endpoints: Record<string, Fields> = {};
  const elements: Record<string, Fields> = {};
  // Where the specs name one field's element differently (official `tag`, community `genre`),
  // the first name stays and the other's fields are folded into it.
  const aliases = new Map<string, string>();
  const mergeAll = (into: Fields, fields: Fields) => {
    for (const [key, type] of Object.entries(fields)) {
      const before = into[key];
      merge(into, key, type);
      if (before?.startsWith('@') && type.startsWith('@') && before !== type) {
        aliases.set(type.slice(1), before.slice(1));
      }
    }
  };
  for (const inventory of [officialInventory, communityInventory]) {
    if (inventory === undefined) continue;
    for (const [route, fields] of Object.entries(inventory.endpoints)) {
      mergeAll(tableOf(endpoints, route), fields);
    }
    for (const [name, fields] of Object.entries(inventory.elements)) {
      mergeAll(tableOf(elements, name), fields);
    }
  }
  for (const [alias, name] of aliases) {
    let target = name;
    while (aliases.has(target) && aliases.get(target) !== alias) target = aliases.get(target)!;
    const fields = elements[alias];
    if (fields === undefined || alias === target) continue;
    delete elements[alias];
    mergeAll(tableOf(elements, target), fields);
    for (const table of [...Object.values(endpoints), ...Object.values(elements)]) {
      for (const [key, type] of Object.entries(table)) {
        if (type === `@${alias}`) table[key] = `@${target}`;
      }
    }
  }
  // Each route's own MediaContainer fields become its entry; pooled elements stay shared.
  for (const route of Object.keys(endpoints)) {
    endpoints[route] = elements[`${CONTAINER}${route}`] ?? endpoints[route]!;
    delete elements[`${CONTAINER}${route}`];
  }
  const output = {
    $comment:
      'Generated by packages/plex-emulator/scripts/field-inventory.ts from the PMS OpenAPI description; do not edit by hand.',
    endpoints: Object.fromEntries(
      Object.keys(ENDPOINTS)
        .filter((route) => endpoints[route] !== undefined)
        .map((route) => [route, sorted(endpoints[route]!)]),
    ),
    elements: Object.fromEntries(
      Object.keys(elements)
        .sort()
        .map((name) => [name, sorted(elements[name]!)]),
    ),
  };
  process.stdout.write(`${JSON.stringify(output, null, 1)}\n`);
}

main();
