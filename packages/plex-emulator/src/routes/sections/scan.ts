import { HttpError, type RequestContext, requireOwner } from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { Services } from '../../services/services.js';
import type { EmulatorState } from '../../state/store.js';
import type { SectionRecord } from '../../state/types.js';
import { requireSection } from './access.js';

/** Running scans per emulator: section id → activity uuid. */
const runningScans = new WeakMap<EmulatorState, Map<number, string>>();

function scansOf(state: EmulatorState): Map<number, string> {
  let scans = runningScans.get(state);
  if (!scans) {
    scans = new Map();
    runningScans.set(state, scans);
  }
  return scans;
}

/** Whether `path` is one of the section's folders or inside one. */
function insideSection(section: SectionRecord, path: string): boolean {
  const normalized = path.replace(/\/+$/, '');
  return section.locations.some((location) => {
    const root = location.path.replace(/\/+$/, '');
    return normalized === root || normalized.startsWith(`${root}/`);
  });
}

/**
 * Starts a scan of one section as PMS does: a `library.update.section` activity ("Scanning
 * Movies") during which the section reports `refreshing: true`, announced by `LIBRARY_UPDATE`
 * status notifications at its start and end; when it ends, `scannedAt` moves to now. A second request while one
 * runs is ignored unless `force` restarts it.
 */
export function startScan(
  ctx: RequestContext,
  section: SectionRecord,
  options: { force: boolean; userId: number; path?: string },
): void {
  const { state, services } = ctx;
  const scans = scansOf(state);
  const running = scans.get(section.id);
  if (running !== undefined) {
    if (!options.force) return;
    services.activities.cancel(running);
    scans.delete(section.id);
  }
  section.refreshing = true;
  const record = services.activities.start({
    type: 'library.update.section',
    title: `Scanning ${section.title}`,
    subtitle: options.path ?? '',
    userId: options.userId,
    context: { librarySectionID: String(section.id) },
    onFinish: () => finishScan(services, state, section, record.uuid),
  });
  scans.set(section.id, record.uuid);
  announce(services, `Scanning the "${section.title}" section`);
  services.log(
    'Plex Media Scanner.log',
    'INFO',
    `Scanning section ${section.id} (${section.title})${options.path ? ` at ${options.path}` : ''}${options.force ? ', forced metadata refresh' : ''}`,
  );
}

function finishScan(
  services: Services,
  state: EmulatorState,
  section: SectionRecord,
  uuid: string,
): void {
  const scans = scansOf(state);
  if (scans.get(section.id) !== uuid) return;
  scans.delete(section.id);
  section.refreshing = false;
  section.scannedAt = services.nowSeconds();
  services.log('Plex Media Scanner.log', 'INFO', `Finished scanning section ${section.id}`);
  announce(services, 'Library scan complete');
}

/** A `LIBRARY_UPDATE` status notification, as PMS sends when a scan starts and ends. */
function announce(services: Services, title: string): void {
  services.notify({
    type: 'status',
    element: 'StatusNotification',
    entries: [{ title, description: '', notificationName: 'LIBRARY_UPDATE' }],
  });
}

/** Cancels a section's running scan, if any; the section stops reporting `refreshing`. */
export function cancelScan(ctx: RequestContext, section: SectionRecord): void {
  const scans = scansOf(ctx.state);
  const running = scans.get(section.id);
  scans.delete(section.id);
  if (running) ctx.services.activities.cancel(running);
  section.refreshing = false;
}

function isForced(ctx: RequestContext): boolean {
  const force = ctx.query.get('force');
  return force === '1' || force === 'true';
}

/** `GET|POST /library/sections/{id}/refresh[?force=1][&path=/folder]`. */
function refreshSection(ctx: RequestContext): Response {
  const owner = requireOwner(ctx);
  const section = requireSection(ctx);
  const path = ctx.query.get('path') ?? undefined;
  if (path !== undefined && !insideSection(section, path)) {
    throw new HttpError(400, `path ${path} is not inside section ${section.id}`);
  }
  startScan(ctx, section, { force: isForced(ctx), userId: owner.id, ...(path ? { path } : {}) });
  return emptyOk();
}

/** `GET|POST /library/sections/all/refresh` and `POST /library/sections/refresh`: every section. */
function refreshAll(ctx: RequestContext): Response {
  const owner = requireOwner(ctx);
  for (const section of ctx.state.sections.values()) {
    startScan(ctx, section, { force: isForced(ctx), userId: owner.id });
  }
  return emptyOk();
}

/** `DELETE /library/sections/{id}/refresh`. */
function cancelSection(ctx: RequestContext): Response {
  requireOwner(ctx);
  cancelScan(ctx, requireSection(ctx));
  return emptyOk();
}

/** `DELETE /library/sections/all/refresh`. */
function cancelAll(ctx: RequestContext): Response {
  requireOwner(ctx);
  for (const section of ctx.state.sections.values()) cancelScan(ctx, section);
  return emptyOk();
}

/** Scan routes; the `all` forms come first so `all` is never read as a section id. */
export const sectionScanRoutes: Route[] = [
  { method: ['GET', 'POST'], path: '/library/sections/all/refresh', handler: refreshAll },
  { method: 'DELETE', path: '/library/sections/all/refresh', handler: cancelAll },
  { method: 'POST', path: '/library/sections/refresh', handler: refreshAll },
  { method: ['GET', 'POST'], path: '/library/sections/{id}/refresh', handler: refreshSection },
  { method: 'DELETE', path: '/library/sections/{id}/refresh', handler: cancelSection },
];
