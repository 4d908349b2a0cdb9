import type { EmulatorState } from '../state/store.js';
import { readContentUri } from './content.js';

/**
 * The `content` PMS reports for a smart filter: playlists wrap the section query in a
 * `library://{uuid}/directory/{encoded}` URI, collections show the bare path (both recorded).
 */
export function smartContentUri(
  state: EmulatorState,
  sectionId: number,
  query: URLSearchParams,
  form: 'library' | 'path' = 'library',
): string | undefined {
  const section = state.sections.get(sectionId);
  if (!section) return undefined;
  const path = `/library/sections/${sectionId}/all${query.size > 0 ? `?${query}` : ''}`;
  return form === 'path' ? path : `library://${section.uuid}/directory/${encodeURIComponent(path)}`;
}

/** A section filter a smart playlist or collection stores. */
export interface SmartFilter {
  sectionId: number;
  query: URLSearchParams;
  /** The filter as the list reports it in `content`. */
  content: string;
}

/**
 * The section filter a client's `uri` names, in the form the list stores it (`library` for
 * playlists, `path` for collections); undefined when the uri names no section filter. A uri
 * that cannot be read is a 400, as from {@link readContentUri}.
 */
export function readSmartFilter(
  state: EmulatorState,
  uri: string,
  form: 'library' | 'path',
): SmartFilter | undefined {
  const path = readContentUri(state, uri);
  if (path.kind !== 'section') return undefined;
  const content = smartContentUri(state, path.sectionId, path.query, form);
  return content === undefined
    ? undefined
    : { sectionId: path.sectionId, query: path.query, content };
}
