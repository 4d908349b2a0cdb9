import type { Fields } from '../http/responses.js';
import type { ItemRecord } from '../state/types.js';

/** One `Setting` of a collection's advanced preferences, values as strings (recorded form). */
function setting(
  id: string,
  label: string,
  value: string,
  fallback: string,
  enumValues: string,
): Fields {
  return {
    id,
    label,
    summary: '',
    type: 'int',
    default: fallback,
    value,
    hidden: false,
    advanced: false,
    group: '',
    enumValues,
  };
}

/**
 * The `Preferences` element a collection carries with `includePreferences=1`. python-plexapi's
 * `editAdvanced` (mode and sort updates) reads it first and refuses values not in `enumValues`.
 */
export function collectionPreferences(collection: ItemRecord): Fields {
  const settings = [
    setting(
      'collectionMode',
      'Collection mode',
      collection.collectionMode ?? '-1',
      '-1',
      '-1:Library default|0:Hide collection|1:Hide items in this collection|2:Show this collection and its items',
    ),
    setting(
      'collectionSort',
      'Collection order',
      collection.collectionSort ?? '0',
      '0',
      '0:Release date|1:Alphabetical|2:Custom',
    ),
  ];
  if (collection.smart) {
    settings.push(
      setting(
        'collectionFilterBasedOnUser',
        'Filter collection based on user',
        '0',
        '0',
        '0:Server admin|1:Current user',
      ),
    );
  }
  return { Setting: settings };
}
