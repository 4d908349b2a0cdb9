import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { canSeeSection } from '../../library/section-access.js';
import type { SectionRecord } from '../../state/types.js';

/** The sections the caller may see, by id. */
export function visibleSections(ctx: RequestContext): SectionRecord[] {
  const account = requireAccount(ctx);
  return [...ctx.state.sections.values()]
    .filter((section) => canSeeSection(account, section.id))
    .sort((a, b) => a.id - b.id);
}

/**
 * The section named by the `{id}` path parameter. 400 when the id is not a number; 404 when no
 * such section exists or it is not shared with the caller (PMS does not reveal it).
 */
export function requireSection(ctx: RequestContext): SectionRecord {
  const id = toInt(ctx.params.id, 'section id');
  const section = ctx.state.sections.get(id);
  if (!section || !canSeeSection(requireAccount(ctx), id)) {
    throw new HttpError(404, `no library section ${id}`);
  }
  return section;
}
