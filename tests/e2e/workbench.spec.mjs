// End-to-end: a RASSO investigator's day in the real browser against a real `rasso serve` with a
// small synthetic force (run-e2e.sh sets it up). The tests share one signed-in page, in order,
// so the server's sign-in rate limit is never the thing under test.
import { test, expect } from './support/playwright.mjs';
import { readFileSync } from 'node:fs';
import { USER, checkAccessibility, screenshot, signIn, waitForData, watchProblems } from './support/workbench.mjs';

test.describe.configure({ mode: 'serial' });

let page;
let problems;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  problems = watchProblems(page);
});

test.afterAll(async () => {
  await page.close();
});

test.afterEach(async () => {
  // No page may break the Content-Security-Policy or throw.
  expect(problems).toEqual([]);
});

test('a signed-out visitor is sent to sign-in, and sign-in explains every refusal', async () => {
  await page.goto('/worklist.html?kind=bail');
  await page.waitForURL(/\/sign-in\.html\?next=/);
  await checkAccessibility(page);
  await screenshot(page, 'sign-in');

  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter your username');
  await expect(summary).toContainText('Enter your password');
  await checkAccessibility(page);

  await page.getByLabel('Username').fill(USER.username);
  await page.getByLabel('Password').fill(`${USER.password}-wrong`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(summary).toContainText('The username or password is not right');
  await expect(page).toHaveTitle(/^Error: /);
  await screenshot(page, 'sign-in-error');

  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/worklist\.html\?kind=bail/);
  await expect(page.locator('#rasso-user-name')).toContainText('administrator');
  await expect(page.locator('header')).toContainText('OFFICIAL-SENSITIVE');
});

test('the flight deck draws its charts, each with a table of the same numbers', async () => {
  const kpis = await page.request.get('/api/v1/kpis');
  await page.goto('/index.html');
  await waitForData(page);
  await checkAccessibility(page);
  await screenshot(page, 'flight-deck');
  if (kpis.status() === 404) {
    // No KPI service on this server: the page must say so and show no figures at all.
    await expect(page.locator('#kpi-status')).toContainText('not available on this server yet');
    await expect(page.locator('.rasso-card')).toHaveCount(0);
    await expect(page.locator('.rasso-chart')).toHaveCount(0);
    test.info().annotations.push({ type: 'note', description: 'GET /api/v1/kpis is 404 on this server: checked the "not available" message instead of charts' });
    return;
  }
  expect(kpis.ok(), `GET /api/v1/kpis answered ${kpis.status()}`).toBeTruthy();
  const body = await kpis.json();
  expect(body.measures.length).toBeGreaterThan(0);
  await expect(page.locator('.rasso-card')).toHaveCount(body.measures.length);
  for (const holder of ['#kpi-trend', '#kpi-breakdown']) {
    const chart = page.locator(`${holder} .rasso-chart`);
    // A chart that can have no data says so instead; a drawn one is SVG with marks in it.
    if ((await chart.count()) === 0) {
      await expect(page.locator(holder)).toContainText(/No (data|breakdown)/);
      continue;
    }
    await expect(chart.locator('svg')).toHaveCount(1);
    expect(await chart.locator('svg path').count()).toBeGreaterThan(0);
    await expect(chart).toHaveAttribute('aria-label', /.+/);
    expect(await page.locator(`${holder} table tbody tr`).count()).toBeGreaterThan(0);
  }
  const trendRows = await page.locator('#kpi-trend table tbody tr').count();
  expect(trendRows, 'the trend table has a row per period').toBeGreaterThan(0);
});

test('a repeat suspect opens with the evidence for each link', async () => {
  await page.goto('/suspects.html');
  await waitForData(page);
  await checkAccessibility(page);
  await screenshot(page, 'repeat-suspects');
  const rows = page.locator('#suspects-table tbody tr');
  expect(await rows.count(), 'the synthetic force has repeat suspects').toBeGreaterThan(0);
  await expect(rows.first().locator('td').first()).toHaveText('1');

  // Open suspects in rank order until one has more than one record (and so links to explain).
  const links = await rows.locator('td:nth-child(2) a').evaluateAll((anchors) => anchors.slice(0, 10).map((a) => a.getAttribute('href')));
  let explained = false;
  for (const href of links) {
    await page.goto(href);
    await waitForData(page);
    await expect(page.locator('h1')).not.toHaveText('Person');
    if ((await page.locator('#person-links .rasso-link').count()) === 0) continue;
    explained = true;
    const firstLink = page.locator('#person-links .rasso-link').first();
    await expect(firstLink.locator('.rasso-chart svg')).toHaveCount(1);
    expect(await firstLink.locator('.rasso-chart svg path').count()).toBeGreaterThan(0);
    const weights = await firstLink.locator('table tbody tr td:nth-child(3)').allTextContents();
    expect(weights.length).toBeGreaterThan(0);
    for (const weight of weights) expect(weight).toMatch(/^-?[\d,]+\.\d\d$/);
    await expect(page.locator('#person-crimes-table tbody tr').first()).toBeVisible();
    await expect(page.locator('.moj-timeline__item').first()).toBeVisible();
    await checkAccessibility(page);
    await screenshot(page, 'person');
    break;
  }
  expect(explained, 'one of the top ten repeat suspects has linked records').toBeTruthy();
});

test('a crime shows its people and their roles', async () => {
  await page.goto('/crimes.html');
  await waitForData(page);
  await checkAccessibility(page);
  const first = page.locator('#crimes-table tbody tr td:first-child a').first();
  const ref = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(/\/crime\.html\?ref=/);
  await waitForData(page);
  await expect(page.locator('h1')).toHaveText(`Crime ${ref}`);
  expect(await page.locator('#crime-people-table tbody tr').count()).toBeGreaterThan(0);
  await checkAccessibility(page);
  await screenshot(page, 'crime');
});

test('recording a breach response shows the server’s validation, then clears the item', async () => {
  await page.goto('/worklist.html?kind=breaches');
  await waitForData(page);
  await checkAccessibility(page);
  await screenshot(page, 'worklist-breaches');
  const asOf = await page.locator('#worklist-summary').getAttribute('data-as-of');
  expect(asOf, 'the worklist says which day it is measured on').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const row = page.locator('#worklist-table tbody tr').filter({ has: page.getByRole('link', { name: /^Record response/ }) }).first();
  const action = row.getByRole('link', { name: /^Record response/ });
  await expect(action, 'the synthetic force has breaches awaiting a response').toBeVisible();
  const itemKey = await row.getAttribute('data-key');
  const breachRef = (await row.locator('td:nth-child(4)').textContent()).trim();
  await action.click();
  await page.waitForURL(/\/record\.html\?action=breach-response/);
  await checkAccessibility(page);

  // A response dated after the as-of day is refused by the server (the same rule as the CLI).
  const [year, month, day] = asOf.split('-').map(Number);
  const future = new Date(Date.UTC(year, month - 1, day + 30));
  await page.getByLabel('Arrested').check();
  await page.getByLabel('Day').fill(String(future.getUTCDate()));
  await page.getByLabel('Month').fill(String(future.getUTCMonth() + 1));
  await page.getByLabel('Year').fill(String(future.getUTCFullYear()));
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const serverMessage = (await summary.locator('.govuk-error-summary__list').textContent()).trim();
  expect(serverMessage.length).toBeGreaterThan(5);
  await screenshot(page, 'record-breach-error');
  await checkAccessibility(page);

  await page.getByLabel('Day').fill(String(day));
  await page.getByLabel('Month').fill(String(month));
  await page.getByLabel('Year').fill(String(year));
  await page.getByLabel('Notes (optional)').fill('Arrested at home address by response officers.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/worklist\.html\?.*recorded=/);
  await waitForData(page);
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(breachRef);
  await expect(page.locator(`#worklist-table tbody tr[data-key="${itemKey}"]`)).toHaveCount(0);
  await screenshot(page, 'worklist-after-response');
});

test('every other page passes the accessibility smoke check', async () => {
  // The workforce and governance pages are here too (governance.spec.mjs exercises their forms).
  const governance = ['/training.html', '/recommendations.html', '/recommendation.html?id=HMICFRS-2024-01', '/scrutiny.html', '/scrutiny-sample.html?id=1'];
  const pages = ['/worklist.html?kind=bail', '/worklist.html?kind=victims', '/worklist.html?kind=s63g', '/worklist.html?kind=orders', '/worklist.html?kind=training', '/review.html', '/exports.html', ...governance, '/users.html', '/audit.html'];
  for (const path of pages) {
    await page.goto(path);
    await waitForData(page);
    await checkAccessibility(page);
    await screenshot(page, path.slice(1).replace(/\.html.*(kind|id)=/, '-').replace(/\.html$/, ''));
  }
  await expect(page.locator('#audit-table tbody tr').first()).toBeVisible();
});

test('the crimes CSV export downloads with a header row', async () => {
  const probe = await page.request.get('/api/v1/exports/crimes?format=csv');
  await page.goto('/exports.html');
  await checkAccessibility(page);
  await screenshot(page, 'exports');
  if (probe.status() === 404) {
    // No export service on this server: the page must say so, not save an error as a file.
    await page.getByRole('button', { name: 'Download crimes (CSV)' }).click();
    await expect(page.locator('#export-crimes-heading').locator('xpath=..').locator('.govuk-error-summary')).toContainText('not available on this server yet');
    test.info().annotations.push({ type: 'note', description: 'GET /api/v1/exports/crimes is 404 on this server: checked the "not available" message instead of a download' });
    return;
  }
  expect(probe.ok(), `GET /api/v1/exports/crimes answered ${probe.status()}`).toBeTruthy();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download crimes (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  const [header, firstRow] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(header).toContain('crime_ref');
  expect(firstRow, 'the export has data under its header').toBeTruthy();
});

test('signing out ends the session: pages then go to sign-in', async () => {
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in\.html\?signed_out=1/);
  await expect(page.locator('.govuk-notification-banner')).toContainText('You have signed out');
  await page.goto('/suspects.html');
  await page.waitForURL(/\/sign-in\.html\?next=%2Fsuspects\.html/);
  const session = await page.request.get('/api/v1/session');
  expect(session.status()).toBe(401);
});
