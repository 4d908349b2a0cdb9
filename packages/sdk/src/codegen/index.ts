export { diffSummary } from './diff-summary.js';
export {
  GENERATED_HEADER,
  type GenerateOptions,
  generateToolTypes,
  type ToolListing,
} from './generate.js';
export { type ListingSource, loadListing } from './load-listing.js';
export type { JsonSchema } from './schema-to-type.js';
