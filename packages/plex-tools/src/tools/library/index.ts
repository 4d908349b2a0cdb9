import type { AnyTool } from '../../define-tool.js';
import { libraryGetDetails } from './library-get-details.js';
import { libraryList } from './library-list.js';

/** The library module's tools, in catalogue order. */
export const libraryTools: AnyTool[] = [libraryList, libraryGetDetails];
