import { playlistAddTo } from './playlist-add-to.js';
import { playlistCopyToUser } from './playlist-copy-to-user.js';
import { playlistCreate } from './playlist-create.js';
import { playlistDelete } from './playlist-delete.js';
import { playlistEdit } from './playlist-edit.js';
import { playlistGetContents } from './playlist-get-contents.js';
import { playlistList } from './playlist-list.js';
import { playlistRemoveFrom } from './playlist-remove-from.js';
import { playlistUploadPoster } from './playlist-upload-poster.js';

/** The playlist module's tools, in catalogue order. */
export const playlistTools = [
  playlistList,
  playlistGetContents,
  playlistCreate,
  playlistEdit,
  playlistAddTo,
  playlistRemoveFrom,
  playlistDelete,
  playlistUploadPoster,
  playlistCopyToUser,
] as const;
