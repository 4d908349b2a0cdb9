import { collectionAddTo } from './collection-add-to.js';
import { collectionCreate } from './collection-create.js';
import { collectionDelete } from './collection-delete.js';
import { collectionEdit } from './collection-edit.js';
import { collectionGetContents } from './collection-get-contents.js';
import { collectionList } from './collection-list.js';
import { collectionRemoveFrom } from './collection-remove-from.js';

/** The collection module's tools, in catalogue order. */
export const collectionTools = [
  collectionList,
  collectionGetContents,
  collectionCreate,
  collectionAddTo,
  collectionRemoveFrom,
  collectionEdit,
  collectionDelete,
] as const;
