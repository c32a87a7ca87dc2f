// Headless Debian Chromium through playwright-core, with a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'atoll-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true, // playwright adds --headless
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser with no profile of its own: every newContext() starts with no
 * cookies and empty storage; pages of one context share them (and their
 * BroadcastChannels), like tabs of one browser window.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  return {
    browser,
    newContext: (options = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }),
    close: () => browser.close(),
  };
}

/**
 * Collects what must not happen on the page: console errors, uncaught
 * exceptions, failed requests and HTTP error responses; with
 * `{ warnings: true }` console warnings too (where frameworks report
 * hydration mismatches in production builds: Svelte, Solid).
 */
export function watchProblems(page, { warnings = false } = {}) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    else if (warnings && msg.type() === 'warning') problems.push(`console.warn: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}
