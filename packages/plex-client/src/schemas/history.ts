import * as v from 'valibot';
import { type Extend, id, list, mediaContainer, num, opt } from './common.js';
import { type MetadataItemEntries, metadataItemEntries } from './metadata.js';

/**
 * `GET /status/sessions/history/all`: finished plays. Entries are thin (no Media, no duration);
 * when the item was deleted since, Plex leaves out its `key`, `ratingKey`, `title` and `type`.
 */
const historyExtras = {
  /** Absent when the item was deleted since. */
  ratingKey: opt(id),
  key: opt(id),
  title: opt(v.string()),
  type: opt(v.string()),
  /** `/status/sessions/history/{id}`. */
  historyKey: v.string(),
  /** When the play was recorded (epoch seconds). */
  viewedAt: num,
  /** The `/accounts` id of who watched. */
  accountID: opt(num),
  /** The `/devices` id of what it played on. */
  deviceID: opt(num),
};

/** The schema of a history entry as Plex sends it (before `historyId` is added). */
export interface HistoryEntryObjectSchema
  extends v.ObjectSchema<Extend<MetadataItemEntries, typeof historyExtras>, undefined> {}
const historyEntryObjectSchema: HistoryEntryObjectSchema = v.object({
  ...metadataItemEntries,
  ...historyExtras,
});

/** One finished play: what, when (`viewedAt`), who (`accountID`) and where (`deviceID`). */
export interface HistoryEntry extends v.InferOutput<HistoryEntryObjectSchema> {
  /** What `history.delete()` takes: the last segment of `historyKey`. */
  historyId: string;
}

/** One entry of `/status/sessions/history/all`, with its `historyId`. */
export const historyEntrySchema = v.pipe(
  historyEntryObjectSchema,
  v.transform(
    (entry): HistoryEntry => ({
      ...entry,
      historyId: entry.historyKey.slice(entry.historyKey.lastIndexOf('/') + 1),
    }),
  ),
);

/** `GET /status/sessions/history/all` and `/status/sessions/history/{id}`. */
export const historyContainerSchema = mediaContainer({ Metadata: list(historyEntrySchema) });
