import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { canSeeSection } from '../../library/section-access.js';

/**
 * The section a search is limited to (`sectionId`, or `sectionID` as some clients spell it), if
 * any. A section the caller cannot see, or that does not exist, is 404: PMS says "search
 * restrictions result in no possible items found".
 */
export function searchedSection(ctx: RequestContext): number | undefined {
  const account = requireAccount(ctx);
  const raw = ctx.query.get('sectionId') ?? ctx.query.get('sectionID');
  if (!raw) return undefined;
  const sectionId = toInt(raw, 'sectionId');
  if (!ctx.state.sections.has(sectionId) || !canSeeSection(account, sectionId)) {
    throw new HttpError(404, `no section ${sectionId} to search`);
  }
  return sectionId;
}
