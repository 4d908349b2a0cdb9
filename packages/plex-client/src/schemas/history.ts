import * as v from 'valibot';
import { id, list, mediaContainer, num, opt } from './common.js';
import { metadataItemEntries } from './metadata.js';

/**
 * `GET /status/sessions/history/all`: finished plays. Entries are thin (no Media, no duration);
 * when the item was deleted since, Plex leaves out its `key`, `ratingKey`, `title` and `type`.
 */
export const historyEntrySchema = v.pipe(
  v.object({
    ...metadataItemEntries,
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
  }),
  v.transform((entry) => ({
    ...entry,
    /** What `history.delete()` takes: the last segment of `historyKey`. */
    historyId: entry.historyKey.slice(entry.historyKey.lastIndexOf('/') + 1),
  })),
);

/** `GET /status/sessions/history/all` and `/status/sessions/history/{id}`. */
export const historyContainerSchema = mediaContainer({ Metadata: list(historyEntrySchema) });

/** One finished play: what, when (`viewedAt`), who (`accountID`) and where (`deviceID`). */
export type HistoryEntry = v.InferOutput<typeof historyEntrySchema>;
