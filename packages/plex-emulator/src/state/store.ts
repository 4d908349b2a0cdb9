import type {
  AccountRecord,
  ActivityRecord,
  ButlerTaskRecord,
  DeviceRecord,
  HistoryRecord,
  ItemRecord,
  ItemType,
  LogFile,
  LogLine,
  PendingTermination,
  PinRecord,
  PlayerRecord,
  PlaylistRecord,
  PlayQueueRecord,
  SectionRecord,
  ServerInfo,
  SessionRecord,
  SettingRecord,
  WatchState,
} from './types.js';

/** What a caller must give to add an item; everything else has a sensible default. */
export type NewItem = Pick<ItemRecord, 'type' | 'sectionId' | 'title' | 'addedAt'> &
  Partial<Omit<ItemRecord, 'type' | 'sectionId' | 'title' | 'addedAt'>>;

/** Log file name → lines, oldest first. */
export type LogBook = Record<LogFile, LogLine[]>;

/**
 * Everything the emulated server remembers. Route handlers read and write it directly; the
 * helpers here keep the indexes (section lists, child lists) consistent so that no handler has
 * to remember to.
 */
export class EmulatorState {
  readonly server: ServerInfo;
  readonly sections = new Map<number, SectionRecord>();
  readonly items = new Map<string, ItemRecord>();
  readonly accounts = new Map<number, AccountRecord>();
  readonly devices: DeviceRecord[] = [];
  readonly players = new Map<string, PlayerRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly history: HistoryRecord[] = [];
  readonly playlists = new Map<string, PlaylistRecord>();
  readonly playQueues = new Map<number, PlayQueueRecord>();
  readonly butlerTasks: ButlerTaskRecord[] = [];
  readonly activities = new Map<string, ActivityRecord>();
  readonly prefs: SettingRecord[] = [];
  readonly pins = new Map<number, PinRecord>();
  /** Terminated sessions owed a notice, by the client identifier that played them. */
  readonly pendingTerminations = new Map<string, PendingTermination>();
  readonly logs: LogBook = {
    'Plex Media Server.log': [],
    'Plex Media Scanner.log': [],
    'Plex Transcoder Statistics.log': [],
    'Plex Update Service.log': [],
  };
  /** Bumped on every write that can change list order or filter results; sort caches key on it. */
  revision = 0;

  /** ratingKeys per section and type, in the order they were added. */
  private readonly sectionIndex = new Map<number, Map<ItemType, string[]>>();
  private readonly watchStates = new Map<string, WatchState>();
  private readonly counters = new Map<string, number>();
  private readonly tagIds = new Map<string, number>();

  constructor(server: ServerInfo) {
    this.server = server;
  }

  /** Next value of a named counter (ratingKeys, media ids, playlist item ids, …), starting at `start`. */
  nextId(counter: string, start = 1): number {
    const next = (this.counters.get(counter) ?? start - 1) + 1;
    this.counters.set(counter, next);
    return next;
  }

  /** Plex's numeric id for a tag (genre "Horror", director "Howard Hawks"), stable per state. */
  tagId(kind: string, tag: string): number {
    const key = `${kind}\u0000${tag.toLowerCase()}`;
    let id = this.tagIds.get(key);
    if (id === undefined) {
      id = this.nextId('tag', 100);
      this.tagIds.set(key, id);
    }
    return id;
  }

  /** Next ratingKey. Items, collections and playlists share one key space, as in Plex. */
  nextRatingKey(): string {
    return String(this.nextId('ratingKey', 1000));
  }

  /** Adds an item, filling defaults, and links it under its parent. */
  addItem(input: NewItem): ItemRecord {
    const ratingKey = input.ratingKey ?? this.nextRatingKey();
    const item: ItemRecord = {
      ratingKey,
      guid: `plex://${input.type}/${ratingKey.padStart(24, '0')}`,
      updatedAt: input.addedAt,
      tags: {},
      guids: [],
      media: [],
      locked: new Set(),
      artwork: {},
      childKeys: [],
      ...input,
    };
    this.items.set(ratingKey, item);
    this.listFor(item.sectionId, item.type).push(ratingKey);
    if (item.parentRatingKey && item.type !== 'collection') {
      this.items.get(item.parentRatingKey)?.childKeys.push(ratingKey);
    }
    this.revision++;
    return item;
  }

  /** Removes an item and everything below it (seasons, episodes, tracks). */
  removeItem(ratingKey: string): ItemRecord[] {
    const item = this.items.get(ratingKey);
    if (!item) return [];
    const removed: ItemRecord[] = [];
    for (const child of [...item.childKeys]) {
      if (item.type !== 'collection') removed.push(...this.removeItem(child));
    }
    this.items.delete(ratingKey);
    const list = this.sectionIndex.get(item.sectionId)?.get(item.type);
    if (list) {
      const at = list.indexOf(ratingKey);
      if (at >= 0) list.splice(at, 1);
    }
    if (item.parentRatingKey) {
      const parent = this.items.get(item.parentRatingKey);
      if (parent) parent.childKeys = parent.childKeys.filter((key) => key !== ratingKey);
    }
    for (const other of this.items.values()) {
      if (other.type === 'collection' && other.childKeys.includes(ratingKey)) {
        other.childKeys = other.childKeys.filter((key) => key !== ratingKey);
      }
    }
    for (const playlist of this.playlists.values()) {
      playlist.entries = playlist.entries.filter((entry) => entry.ratingKey !== ratingKey);
    }
    this.revision++;
    removed.push(item);
    return removed;
  }

  /**
   * Records a change to an item, collection or playlist: PMS gives it a new `updatedAt` (so its
   * image URLs change) and list caches see a new revision.
   */
  touch(record: { updatedAt: number }, now: number): void {
    record.updatedAt = now;
    this.revision++;
  }

  /** ratingKeys of one type in one section, in the order they were added (not a copy). */
  keysOf(sectionId: number, type: ItemType): readonly string[] {
    return this.sectionIndex.get(sectionId)?.get(type) ?? [];
  }

  /** Children of an item, resolved, in display order. */
  childrenOf(item: ItemRecord): ItemRecord[] {
    const children: ItemRecord[] = [];
    for (const key of item.childKeys) {
      const child = this.items.get(key);
      if (child) children.push(child);
    }
    return children;
  }

  /** Leaves under an item: episodes of a show or season, tracks of an artist or album. */
  leavesOf(item: ItemRecord): ItemRecord[] {
    if (item.type === 'show' || item.type === 'artist') {
      return this.childrenOf(item).flatMap((child) => this.childrenOf(child));
    }
    if (item.type === 'season' || item.type === 'album' || item.type === 'collection') {
      return this.childrenOf(item);
    }
    return [item];
  }

  /** Watch state of an item for an account (a fresh zero state when never watched). */
  watchState(accountId: number, ratingKey: string): WatchState {
    return this.watchStates.get(`${accountId}:${ratingKey}`) ?? { viewCount: 0 };
  }

  /** Replaces the watch state of an item for an account. */
  setWatchState(accountId: number, ratingKey: string, state: WatchState): void {
    this.watchStates.set(`${accountId}:${ratingKey}`, state);
    this.revision++;
  }

  /** The account a server token belongs to, if any. */
  accountByServerToken(token: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) {
      if (account.serverToken === token) return account;
    }
    return undefined;
  }

  /** The account a plex.tv token belongs to, if any. */
  accountByPlexTvToken(token: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) {
      if (account.plexTvToken === token) return account;
    }
    return undefined;
  }

  /** The server owner (account 1). */
  get owner(): AccountRecord {
    const owner = this.accounts.get(1);
    if (!owner) throw new Error('emulator state has no owner account');
    return owner;
  }

  private listFor(sectionId: number, type: ItemType): string[] {
    let byType = this.sectionIndex.get(sectionId);
    if (!byType) {
      byType = new Map();
      this.sectionIndex.set(sectionId, byType);
    }
    let list = byType.get(type);
    if (!list) {
      list = [];
      byType.set(type, list);
    }
    return list;
  }
}
