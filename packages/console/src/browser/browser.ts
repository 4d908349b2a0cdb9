// Headless Chromium for the browser tests: Debian's `chromium` package (never a downloaded
// browser), driven by playwright-core. One browser per test file; each page records the
// Content-Security-Policy violations and script errors it meets, and can be checked with
// axe-core and photographed for the README.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where Debian puts the browser: the binary itself first, then its launcher script. */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Chromium's path: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      "The browser tests need Chromium: install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.",
    );
  }
  return path;
}

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // No GPU on CI machines; software rendering is all the screenshots need.
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

/** What went wrong in a page that a person would not see. */
export interface PageProblems {
  /** Console messages about a Content-Security-Policy violation. */
  cspViolations: string[];
  /** Uncaught exceptions. */
  errors: string[];
}

/** Starts recording a page's CSP violations and uncaught errors. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { cspViolations: [], errors: [] };
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) {
      problems.cspViolations.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  return problems;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One accessibility rule broken, with where. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now. The script goes in through the
 * DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** The README's screenshots. */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

/** Photographs the page (whole length) as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, mask: string[] = []): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    mask: mask.map((selector) => page.locator(selector)),
  });
}
