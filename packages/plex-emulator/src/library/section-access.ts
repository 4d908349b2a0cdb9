import type { AccountRecord } from '../state/types.js';

/** Whether an account may see a section: the owner sees all, others what was shared with them. */
export function canSeeSection(account: AccountRecord, sectionId: number): boolean {
  return account.kind === 'owner' || account.sharedSectionIds.includes(sectionId);
}
