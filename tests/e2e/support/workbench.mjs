// Helpers shared by the end-to-end specs: the test users, signing in, waiting for a page's data,
// the accessibility smoke check, watching for Content-Security-Policy violations and script
// errors, date inputs, and screenshots kept as test artefacts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from './playwright.mjs';

export const USER = {
  username: process.env.RASSO_E2E_USERNAME || 'e2e-admin',
  password: process.env.RASSO_E2E_PASSWORD || '',
};

/** A user with the scrutiny role only (read-only, pseudonymised), when run-e2e.sh made one. */
export const SCRUTINY_USER = {
  username: process.env.RASSO_E2E_SCRUTINY_USERNAME || '',
  password: process.env.RASSO_E2E_SCRUTINY_PASSWORD || '',
};

/** Signs in through the sign-in form (as `user`, default USER) and waits for the flight deck (or `next`). */
export async function signIn(page, { next, user = USER } = {}) {
  await page.goto(next ? `/sign-in.html?next=${encodeURIComponent(next)}` : '/sign-in.html');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Waits until the page has no "Loading…" status left (every API call has answered). */
export async function waitForData(page) {
  await expect(page.locator('.rasso-loading')).toHaveCount(0, { timeout: 20_000 });
}

/**
 * The accessibility smoke check: one h1; no duplicate ids; every form control has a label (a
 * <label for>, a wrapping label, aria-label or aria-labelledby); every image has alternative text;
 * the skip link leads to the main content; the page has a language and a title.
 */
export async function checkAccessibility(page) {
  const problems = await page.evaluate(() => {
    const found = [];
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) found.push(`${h1s.length} h1 elements (want exactly 1)`);
    const seen = new Map();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) || 0) + 1);
    for (const [id, count] of seen) if (count > 1) found.push(`id "${id}" used ${count} times`);
    for (const control of document.querySelectorAll('input, select, textarea')) {
      if (control.type === 'hidden') continue;
      const labelled = (control.labels && control.labels.length > 0) || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      if (!labelled) found.push(`${control.tagName.toLowerCase()} name="${control.name}" id="${control.id}" has no label`);
    }
    for (const image of document.querySelectorAll('img')) if (!image.hasAttribute('alt')) found.push(`img ${image.src} has no alt`);
    const skip = document.querySelector('a.govuk-skip-link');
    if (!skip || skip.getAttribute('href') !== '#main-content' || !document.getElementById('main-content')) found.push('no skip link to #main-content');
    if (!document.documentElement.lang) found.push('no lang on <html>');
    if (!document.title.trim()) found.push('no page title');
    for (const button of document.querySelectorAll('button')) if (!button.textContent.trim() && !button.getAttribute('aria-label')) found.push('a button has no text');
    return found;
  });
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([]);
}

/** Collects CSP violations, uncaught script errors and failed module loads on `page`. */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure() ? request.failure().errorText : '';
    // ERR_ABORTED: the page navigated away (a redirect to sign-in) before the load finished.
    if (request.url().includes('/api/') || reason === 'net::ERR_ABORTED') return;
    problems.push(`failed to load ${request.url()}: ${reason}`);
  });
  return problems;
}

/** Saves a full-page screenshot as a test artefact (RASSO_E2E_ARTIFACTS/screenshots/NAME.png). */
export async function screenshot(page, name) {
  const folder = join(process.env.RASSO_E2E_ARTIFACTS || 'e2e-artifacts', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** Fills the GOV.UK date input (Day, Month, Year) inside `scope` with an ISO date. */
export async function fillDate(scope, iso) {
  const [year, month, day] = iso.split('-').map(Number);
  await scope.getByLabel('Day', { exact: true }).fill(String(day));
  await scope.getByLabel('Month', { exact: true }).fill(String(month));
  await scope.getByLabel('Year', { exact: true }).fill(String(year));
}

/** The date `days` after `iso` (YYYY-MM-DD). */
export function addDays(iso, days) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
