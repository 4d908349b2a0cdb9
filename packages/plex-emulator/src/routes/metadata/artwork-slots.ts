import { createHash } from 'node:crypto';
import { parseHexColor, type Rgb } from '../../formats/png.js';
import { type Fields, omitEmpty } from '../../http/responses.js';
import type { EmulatorState } from '../../state/store.js';
import type { ArtKind, ArtworkCandidate, ItemRecord } from '../../state/types.js';

/** How one artwork slot is named on the wire. */
export interface ArtSlot {
  kind: ArtKind;
  /** The candidate list path segment (`/posters`). */
  list: string;
  /** Path segments that select or upload one image (`/poster`, which python-plexapi derives). */
  elements: readonly string[];
  /** The `Field` name PMS locks when the image is chosen by hand. */
  lock: string;
  /** The folder in `upload://…` and `metadata://…` keys. */
  folder: string;
}

/** The artwork slots the emulator keeps candidates for. */
export const ART_SLOTS: readonly ArtSlot[] = [
  {
    kind: 'poster',
    list: 'posters',
    elements: ['poster', 'thumb'],
    lock: 'thumb',
    folder: 'posters',
  },
  { kind: 'art', list: 'arts', elements: ['art'], lock: 'art', folder: 'art' },
  {
    kind: 'logo',
    list: 'clearLogos',
    elements: ['clearLogo'],
    lock: 'clearLogo',
    folder: 'clearLogos',
  },
  { kind: 'banner', list: 'banners', elements: ['banner'], lock: 'banner', folder: 'banners' },
];

/** Providers PMS leaves unnamed in candidate lists: images the user supplied. */
const UNNAMED_PROVIDERS: ReadonlySet<string> = new Set(['upload', 'url']);

/** One slot's candidates and the selected key. */
export interface SlotState {
  selected: string;
  candidates: ArtworkCandidate[];
}

/**
 * An item's candidates for a slot. Every item has a poster and a background in PMS (the agent
 * or the media folder supplies one), so when the library recorded none the emulator derives a
 * stable agent candidate from the ratingKey; other slots exist only when recorded.
 */
export function slotState(
  state: EmulatorState,
  item: ItemRecord,
  kind: ArtKind,
): SlotState | undefined {
  const recorded = item.artwork[kind];
  if (recorded && recorded.candidates.length > 0) return recorded;
  if (kind !== 'poster' && kind !== 'art') return undefined;
  const slot = ART_SLOTS.find((entry) => entry.kind === kind);
  const agent = state.sections.get(item.sectionId)?.agent ?? 'local';
  const digest = sha1(`${item.ratingKey}:${kind}`);
  const candidate: ArtworkCandidate = {
    key: `metadata://${slot?.folder ?? kind}/${agent}_${digest.slice(0, 16)}`,
    provider: agent,
    color: colorFromDigest(digest),
  };
  return { selected: candidate.key, candidates: [candidate] };
}

/** The slot record stored on the item, created from the derived default before a first change. */
export function editableSlot(state: EmulatorState, item: ItemRecord, kind: ArtKind): SlotState {
  const current = slotState(state, item, kind) ?? { selected: '', candidates: [] };
  const stored = { selected: current.selected, candidates: [...current.candidates] };
  item.artwork[kind] = stored;
  return stored;
}

/** The selected candidate of a slot, if the slot has any. */
export function selectedCandidate(
  state: EmulatorState,
  item: ItemRecord,
  kind: ArtKind,
): ArtworkCandidate | undefined {
  const slot = slotState(state, item, kind);
  if (!slot) return undefined;
  return slot.candidates.find((candidate) => candidate.key === slot.selected) ?? slot.candidates[0];
}

/**
 * The opaque id a client selects a candidate by (`ratingKey` in PMS's list): `upload://…`,
 * `metadata://…`, `media://…` or an image URL. Candidates recorded in the
 * `/library/metadata/{id}/file?url=…` form are unwrapped to it.
 */
export function candidateId(candidate: ArtworkCandidate): string {
  if (candidate.key.startsWith('/library/metadata/')) {
    const url = new URL(candidate.key, 'http://pms.invalid').searchParams.get('url');
    if (url) return url;
  }
  return candidate.key;
}

/** The emulator-served image path of a candidate (PMS's `/file?url=` form). */
export function candidateFilePath(item: ItemRecord, candidate: ArtworkCandidate): string {
  return `/library/metadata/${item.ratingKey}/file?url=${encodeURIComponent(candidateId(candidate))}`;
}

/** Renders a candidate as an entry of `/posters` or `/arts`. */
export function renderCandidate(
  item: ItemRecord,
  candidate: ArtworkCandidate,
  selected: boolean,
): Fields {
  const id = candidateId(candidate);
  const file = candidateFilePath(item, candidate);
  return omitEmpty({
    key: /^https?:\/\//.test(id) ? id : file,
    ratingKey: id,
    selected,
    thumb: file,
    provider: UNNAMED_PROVIDERS.has(candidate.provider) ? undefined : candidate.provider,
  });
}

/** The candidate a client's `url=` names: its id, its stored key or its `/file?url=` path. */
export function findCandidate(
  item: ItemRecord,
  slot: SlotState,
  url: string,
): ArtworkCandidate | undefined {
  let wanted = url;
  if (url.startsWith('/library/metadata/')) {
    wanted = new URL(url, 'http://pms.invalid').searchParams.get('url') ?? url;
  }
  return slot.candidates.find(
    (candidate) =>
      candidate.key === url ||
      candidateId(candidate) === wanted ||
      candidateFilePath(item, candidate) === url,
  );
}

/** The colour the emulator paints a candidate with. */
export function candidateColor(candidate: ArtworkCandidate): Rgb {
  return (
    parseHexColor(candidate.color) ??
    parseHexColor(colorFromDigest(sha1(candidate.key))) ?? [64, 64, 64]
  );
}

/** A muted, stable colour from a hex digest (dark enough to read white text on, like posters). */
export function colorFromDigest(digest: string): string {
  const channel = (at: number) => 40 + (Number.parseInt(digest.slice(at, at + 2), 16) % 140);
  return `#${[0, 2, 4].map((at) => channel(at).toString(16).padStart(2, '0')).join('')}`;
}

/** Hex SHA-1 of text or bytes, as PMS names uploaded files. */
export function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}
