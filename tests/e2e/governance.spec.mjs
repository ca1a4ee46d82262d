// End-to-end: workforce and governance pages in the real browser against a real `rasso serve`
// (run-e2e.sh sets up the store, imports the HMICFRS 2024 recommendations and adds a supervisor/
// administrator and a scrutiny user). The tests share one signed-in page, in order.
import { test, expect } from './support/playwright.mjs';
import { SCRUTINY_USER, addDays, checkAccessibility, fillDate, screenshot, signIn, waitForData, watchProblems } from './support/workbench.mjs';

test.describe.configure({ mode: 'serial' });

const REC = 'HMICFRS-2024-03';
const ACTION = 'Train every RASSO investigator and supervisor on word-on-word cases';

let page;
let problems;
let today;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  problems = watchProblems(page);
  await signIn(page);
  // The server's own calendar day (the as-of date its rules are measured on).
  const wellbeing = await page.request.get('/api/v1/wellbeing-checkins');
  expect(wellbeing.ok(), `GET /api/v1/wellbeing-checkins answered ${wellbeing.status()}`).toBeTruthy();
  today = (await wellbeing.json()).as_of;
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test.afterAll(async () => {
  await page.close();
});

test.afterEach(async () => {
  // No page may break the Content-Security-Policy or throw.
  expect(problems).toEqual([]);
});

test('the training page shows compliance by unit as a chart with its table, and records a check-in date', async () => {
  const api = await page.request.get('/api/v1/training/compliance?by=unit');
  expect(api.ok()).toBeTruthy();
  const compliance = await api.json();
  expect(compliance.items.length, 'the synthetic force has required training').toBeGreaterThan(0);

  await page.goto('/training.html');
  await waitForData(page);
  await checkAccessibility(page);
  await screenshot(page, 'gov-training');
  await expect(page.locator('[data-nav-item="training"]')).toBeVisible();
  await expect(page.locator('[data-nav-item="training"] a')).toHaveAttribute('aria-current', 'page');

  // The chart: SVG with marks and an accessible name; beside it the table of the same numbers.
  const chart = page.locator('#compliance-chart .rasso-chart');
  // ECharts writes its own description of the data into aria-label.
  await expect(chart).toHaveAttribute('aria-label', /Compliance rate/);
  await expect(page.locator('#compliance-chart figcaption')).toContainText('Compliance rate by unit');
  await expect(chart.locator('svg')).toHaveCount(1);
  expect(await chart.locator('svg path').count()).toBeGreaterThan(0);
  const rows = page.locator('#training-compliance-table tbody tr');
  await expect(rows).toHaveCount(compliance.items.length);
  for (const [index, item] of compliance.items.entries()) {
    const cells = rows.nth(index).locator('td');
    await expect(cells.first()).toHaveText(item.key === 'ALL' ? 'All units' : item.key);
    await expect(cells.last()).toHaveText(`${(item.compliance_rate * 100).toFixed(1)}%`);
  }
  await expect(page.locator('#compliance-overall')).toContainText('% compliant');
  // The other sections: the training worklist, accreditation, caseloads (chart and table), courses.
  expect(await page.locator('#training-missing-table tbody tr').count()).toBeGreaterThan(0);
  expect(await page.locator('#accreditation-table tbody tr').count()).toBeGreaterThan(0);
  await expect(page.locator('#caseloads-chart .rasso-chart svg')).toHaveCount(1);
  await expect(page.locator('#caseloads-table tbody tr')).toHaveCount(12);
  expect(await page.locator('#courses-table tbody tr').count()).toBeGreaterThan(0);

  // Record a well-being check-in for the most overdue officer: only a date; they leave the list.
  const firstOverdue = page.locator('#wellbeing-table tbody tr').first();
  await expect(firstOverdue, 'the synthetic force has officers overdue a check-in').toBeVisible();
  const officer = await firstOverdue.getAttribute('data-key');
  const form = page.locator('#wellbeing-form');
  await form.getByRole('button', { name: 'Record check-in date' }).click();
  const summary = page.locator('#wellbeing-form-container .govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose the officer');
  await form.getByLabel('Officer').selectOption(officer);
  await fillDate(form, addDays(today, 1));
  await form.getByRole('button', { name: 'Record check-in date' }).click();
  await expect(summary, 'the server refuses a date in the future').toContainText('checkin_date is in the future');
  await fillDate(form, today);
  await form.getByRole('button', { name: 'Record check-in date' }).click();
  await expect(page.locator('#training-banner .govuk-notification-banner--success')).toContainText(`recorded for ${officer}`);
  await expect(summary, 'the refusal goes once the check-in is recorded').toHaveCount(0);
  await expect(page.locator(`#wellbeing-table tbody tr[data-key="${officer}"]`)).toHaveCount(0);

  // An administrator changes a course; saving it unchanged is refused with the server's message.
  const courseForm = page.locator('#course-form');
  await courseForm.getByLabel('Course', { exact: true }).selectOption('ABE');
  await courseForm.getByRole('button', { name: 'Save course' }).click();
  const courseSummary = page.locator('#course-form-container .govuk-error-summary');
  await expect(courseSummary).toContainText('already has exactly these settings');
  await courseForm.getByLabel('Months a completion stays valid').fill('24');
  await courseForm.getByRole('button', { name: 'Save course' }).click();
  await expect(page.locator('#training-banner .govuk-notification-banner--success')).toContainText('Course ABE saved (version 2)');
  await expect(courseSummary, 'the refusal goes once the course is saved').toHaveCount(0);
  const abe = page.locator('#courses-table tbody tr[data-key="ABE"]');
  await expect(abe.locator('td').nth(5)).toHaveText('24');
  await expect(abe.locator('td').nth(7)).toContainText('2: history');
  // Every version of the course, newest first, from the button in its version cell.
  await abe.getByRole('button', { name: '2: history of ABE' }).click();
  const history = page.locator('#course-history-table tbody tr');
  await expect(history).toHaveCount(2);
  await expect(history.first().locator('td').first()).toHaveText('2');
  await expect(history.first().locator('td').nth(5)).toHaveText('24');
  await expect(history.last().locator('td').first()).toHaveText('1');
  await expect(page.locator('#course-history-heading')).toBeFocused();
  await checkAccessibility(page);
  await screenshot(page, 'gov-training-after-changes');
});

test('an action on a recommendation is created and closed through the tracker, and the recommendation closes', async () => {
  await page.goto('/recommendations.html');
  await waitForData(page);
  await checkAccessibility(page);
  await screenshot(page, 'gov-recommendations');
  await expect(page.locator('#recommendations-table tbody tr'), 'run-e2e.sh imports the 14 HMICFRS 2024 recommendations').toHaveCount(14);
  await page.getByLabel('For forces').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/for_forces=true/);
  await waitForData(page);
  await expect(page.locator('#recommendations-table tbody tr')).toHaveCount(5);
  await page.getByRole('link', { name: REC }).click();
  await page.waitForURL(new RegExp(`/recommendation\\.html\\?id=${REC}`));
  await waitForData(page);
  await expect(page.locator('h1')).toHaveText(`Recommendation ${REC}`);
  await checkAccessibility(page);

  const banner = page.locator('#recommendation-banner .govuk-notification-banner--success');
  const status = page.locator('#recommendation-current-status');
  const statusForm = () => page.locator('#rec-status-form');
  const statusErrors = page.locator('#rec-status-form-container .govuk-error-summary');
  await expect(status).toContainText('Open');

  // Moving to in progress with no owner and no action: the server refuses and says why.
  await statusForm().getByLabel('In progress', { exact: true }).check();
  await statusForm().getByRole('button', { name: 'Change status' }).click();
  await expect(statusErrors).toBeFocused();
  await expect(statusErrors).toContainText('set an owner (executive lead) before moving from open to in_progress');
  await expect(page).toHaveTitle(/^Error: /);
  await screenshot(page, 'gov-recommendation-refused');

  // The owner.
  await page.getByLabel('Owner (executive lead)').fill('ACC Public Protection');
  await page.getByRole('button', { name: 'Set owner' }).click();
  await expect(banner).toContainText('Owner set to ACC Public Protection');
  await expect(page.locator('#recommendation-owner')).toHaveText('ACC Public Protection');

  // An action with its owner and due date.
  const actionForm = page.locator('#rec-action-form');
  await actionForm.getByLabel('What will be done').fill(ACTION);
  await actionForm.getByLabel('Owner of the action').fill('DCI RASSO Hub');
  const due = addDays(today, 60);
  await fillDate(actionForm, due);
  await actionForm.getByRole('button', { name: 'Add action' }).click();
  await expect(banner).toContainText(`added: ${ACTION}`);
  const actionRow = page.locator('#rec-actions-table tbody tr').filter({ hasText: ACTION });
  await expect(actionRow).toHaveCount(1);
  await expect(actionRow).toContainText('DCI RASSO Hub');
  await expect(actionRow).toContainText(due);
  await expect(actionRow.locator('.govuk-tag')).toHaveText('Open');
  const actionId = await actionRow.getAttribute('data-key');

  // In progress, evidence, evidence submitted.
  await statusForm().getByLabel('In progress', { exact: true }).check();
  await statusForm().getByRole('button', { name: 'Change status' }).click();
  await expect(banner).toContainText('Status changed to “In progress”');
  await expect(status).toContainText('In progress');
  const evidenceForm = page.locator('#rec-evidence-form');
  await evidenceForm.getByLabel('What the evidence shows').fill('Training records: 42 of 42 RASSO staff completed the College course');
  await evidenceForm.getByLabel('Where it is held (optional)').fill('PPU/2025/017');
  await evidenceForm.getByRole('button', { name: 'Add evidence' }).click();
  await expect(banner).toContainText('Evidence added');
  await expect(page.locator('#rec-evidence-table tbody tr')).toHaveCount(1);
  await statusForm().getByLabel('Evidence submitted', { exact: true }).check();
  await statusForm().getByRole('button', { name: 'Change status' }).click();
  await expect(status).toContainText('Evidence submitted');

  // Closing while the action is still open: refused, with the server's reason.
  await statusForm().getByLabel('Closed', { exact: true }).check();
  await statusForm().getByLabel('Note').fill('All RASSO staff trained; see the training records.');
  await statusForm().getByRole('button', { name: 'Change status' }).click();
  await expect(statusErrors).toContainText('closing needs every action closed; 1 action(s) still open or in progress');
  await expect(status).toContainText('Evidence submitted');

  // Mark the action closed: first without the note the server asks for, then with it.
  const actionStatusForm = page.locator('#rec-action-status-form');
  await actionRow.getByRole('button', { name: `Update action ${actionId}` }).click();
  await expect(actionStatusForm.getByLabel('Action', { exact: true })).toBeFocused();
  await expect(actionStatusForm.getByLabel('Action', { exact: true })).toHaveValue(actionId);
  await actionStatusForm.getByLabel('Closed', { exact: true }).check();
  await actionStatusForm.getByRole('button', { name: 'Change action status' }).click();
  const actionErrors = page.locator('#rec-action-status-form-container .govuk-error-summary');
  await expect(actionErrors).toContainText('closing an action needs a note saying what was done');
  await expect(page.locator('#rec-action-status-form-container .govuk-form-group--error textarea')).toHaveCount(1);
  await actionStatusForm.getByLabel('Note').fill('42 of 42 trained by the College course.');
  await actionStatusForm.getByRole('button', { name: 'Change action status' }).click();
  await expect(banner).toContainText(`Action ${actionId} is now closed`);
  await expect(actionRow.locator('.govuk-tag')).toHaveText('Closed');
  await expect(actionRow).toContainText('42 of 42 trained by the College course.');

  // Now the recommendation closes, with its closure note.
  await statusForm().getByLabel('Closed', { exact: true }).check();
  await statusForm().getByLabel('Note').fill('All RASSO staff trained; see the training records.');
  await statusForm().getByRole('button', { name: 'Change status' }).click();
  await expect(banner).toContainText('Status changed to “Closed”');
  await expect(status).toContainText('Closed');
  await expect(status).toContainText('All RASSO staff trained');
  // A closed recommendation takes no new owner, action or evidence; only reopening is offered.
  await expect(page.locator('#rec-owner-form, #rec-action-form, #rec-evidence-form, #rec-action-status-form')).toHaveCount(0);
  await expect(statusForm().locator('input[type="radio"]')).toHaveCount(1);
  await expect(statusForm()).toContainText('Reopen (in progress)');
  // The history has every change, newest first.
  const history = page.locator('#rec-history-timeline .moj-timeline__item');
  expect(await history.count()).toBeGreaterThanOrEqual(7);
  await expect(history.first()).toContainText('evidence_submitted -> closed');
  await expect(page.locator('#rec-history-timeline')).toContainText(`action ${actionId} open -> closed`);
  await checkAccessibility(page);
  await screenshot(page, 'gov-recommendation-closed');

  // The list shows it closed.
  await page.goto('/recommendations.html?status=closed');
  await waitForData(page);
  const closedRows = page.locator('#recommendations-table tbody tr');
  await expect(closedRows).toHaveCount(1);
  await expect(closedRows.first()).toContainText(REC);
  await expect(closedRows.first()).toContainText('ACC Public Protection');
});

test('a scrutiny sample is drawn, a finding recorded on a case, and the themes report charts it', async () => {
  await page.goto('/scrutiny.html');
  await waitForData(page);
  await checkAccessibility(page);
  const form = page.locator('#draw-form');
  // A period with no closed case: the server says so.
  const from = form.locator('[data-field="sample_from"]');
  const to = form.locator('[data-field="sample_to"]');
  await fillDate(from, '1990-01-01');
  await fillDate(to, '1990-12-31');
  await form.getByLabel('Cases in the sample (proportional)').fill('6');
  await form.getByLabel('Seed', { exact: true }).fill('20250401');
  await form.getByRole('button', { name: 'Draw the sample' }).click();
  const errors = page.locator('#draw-form-container .govuk-error-summary');
  await expect(errors).toContainText('no closed case in scope');
  await screenshot(page, 'gov-scrutiny-refused');

  await fillDate(from, addDays(today, -3 * 365));
  await fillDate(to, today);
  await form.getByRole('button', { name: 'Draw the sample' }).click();
  await page.waitForURL(/\/scrutiny-sample\.html\?id=\d+/);
  await waitForData(page);
  const sampleId = new URL(page.url()).searchParams.get('id');
  await expect(page.locator('h1')).toHaveText(`Scrutiny sample ${sampleId}`);
  await expect(page.locator('#sample-banner .govuk-notification-banner--success')).toContainText(`Sample ${sampleId} drawn: 6 cases`);
  const cases = page.locator('section.rasso-case');
  await expect(cases).toHaveCount(6);
  await checkAccessibility(page);

  // Every case is named by its pseudonym only.
  const first = cases.first();
  const pseudonym = await first.getAttribute('data-pseudonym');
  expect(pseudonym).toMatch(new RegExp(`^S${sampleId}-C\\d{2}$`));
  await expect(first.locator('h2')).toContainText(`Case ${pseudonym}`);
  await expect(first.locator('h2 .govuk-tag')).toHaveText('pseudonymised');
  expect(await first.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(first.locator('.rasso-finding')).toContainText('No finding recorded yet');

  // The finding: a theme the server will not take is refused with its message, then corrected.
  await first.locator('details summary').click();
  const findingForm = first.locator('form');
  await fillDate(findingForm, today);
  await findingForm.getByLabel('Appropriate, with learning', { exact: true }).check();
  await findingForm.getByLabel('Poor', { exact: true }).check();
  await findingForm.getByLabel('Partly met', { exact: true }).check();
  await findingForm.getByLabel('Themes (optional)').fill('victim care, early evidence!');
  await findingForm.getByLabel('Learning (optional)').fill('Early evidence was not secured; the victim was not updated for 6 weeks.');
  await findingForm.getByLabel('Agreed actions (optional)').fill('Refresher on early evidence kits for the unit.');
  await findingForm.getByRole('button', { name: 'Save finding' }).click();
  const findingErrors = first.locator('.govuk-error-summary');
  await expect(findingErrors).toContainText("theme 'early_evidence!'");
  await expect(first.locator('.govuk-form-group--error input[name$="-themes"]')).toHaveCount(1);
  await findingForm.getByLabel('Themes (optional)').fill('victim care, early evidence');
  await findingForm.getByRole('button', { name: 'Save finding' }).click();
  await expect(page.locator('#sample-banner .govuk-notification-banner--success')).toContainText(`Finding recorded on case ${pseudonym}`);
  const finding = page.locator(`section.rasso-case[data-pseudonym="${pseudonym}"] .rasso-finding`);
  await expect(finding).toContainText('Appropriate, with learning');
  await expect(finding).toContainText('Poor');
  await expect(finding).toContainText('victim_care');
  await expect(finding).toContainText('early_evidence');
  await expect(page.locator('#sample-progress')).toContainText('1 of 6 cases have a panel finding');

  // The panel revisits the case: the new finding stands; the first is kept and shown folded away.
  const revisited = page.locator(`section.rasso-case[data-pseudonym="${pseudonym}"]`);
  await revisited.locator('details[id$="-record"] summary').click();
  const againForm = revisited.locator('form');
  await fillDate(againForm, today);
  await againForm.getByLabel('Appropriate, with learning', { exact: true }).check();
  await againForm.getByLabel('Themes (optional)').fill('victim care, early evidence');
  await againForm.getByLabel('Learning (optional)').fill('Reviewed again: the gap in victim updates is confirmed.');
  await againForm.getByRole('button', { name: 'Save the new finding' }).click();
  await expect(page.locator('#sample-banner .govuk-notification-banner--success')).toContainText(`Finding recorded on case ${pseudonym}`);
  await expect(page.locator(`section.rasso-case[data-pseudonym="${pseudonym}"] .rasso-finding`)).toContainText('Reviewed again');
  const earlier = page.locator(`section.rasso-case[data-pseudonym="${pseudonym}"] details[id$="-earlier"]`);
  await expect(earlier.locator('summary')).toContainText(`1 earlier finding on ${pseudonym}, superseded`);
  await earlier.locator('summary').click();
  await expect(earlier).toContainText('Early evidence was not secured');
  await expect(page.locator('#sample-progress')).toContainText('1 of 6 cases have a panel finding');
  await checkAccessibility(page);
  await screenshot(page, 'gov-scrutiny-sample');

  // The themes report for this sample: decisions and themes as charts, each with its table.
  await page.getByRole('link', { name: 'Themes for this sample' }).click();
  await page.waitForURL(/\/scrutiny\.html\?sample=\d+/);
  await waitForData(page);
  await expect(page.locator('#themes-summary')).toContainText(`1 case with a panel finding (sample ${sampleId})`);
  for (const holder of ['#themes-decisions', '#themes-tags']) {
    await expect(page.locator(`${holder} .rasso-chart svg`)).toHaveCount(1);
    expect(await page.locator(`${holder} .rasso-chart svg path`).count()).toBeGreaterThan(0);
  }
  const decisionRows = page.locator('#themes-decisions table tbody tr');
  await expect(decisionRows).toHaveCount(3);
  await expect(decisionRows.nth(1)).toContainText('Appropriate, with learning');
  await expect(decisionRows.nth(1).locator('td').last()).toHaveText('1');
  await expect(page.locator('#themes-tags table tbody')).toContainText('victim_care');
  await expect(page.locator('#themes-learning-table tbody tr')).toHaveCount(1);
  await expect(page.locator('#samples-table tbody tr')).toHaveCount(1);
  await checkAccessibility(page);
  await screenshot(page, 'gov-scrutiny');
});

test('scrutiny staff read the tracker and the panels, with no form, and a write is refused by the server', async ({ browser }) => {
  test.skip(!SCRUTINY_USER.username, 'run-e2e.sh made no scrutiny user');
  const context = await browser.newContext();
  const reader = await context.newPage();
  const readerProblems = watchProblems(reader);
  await signIn(reader, { user: SCRUTINY_USER });
  await reader.goto('/recommendations.html');
  await waitForData(reader);
  await expect(reader.locator('[data-nav-item="recommendations"]')).toBeVisible();
  await expect(reader.locator('[data-nav-item="scrutiny"]')).toBeVisible();
  await expect(reader.locator('[data-nav-item="training"]')).toBeHidden();
  await expect(reader.locator('[data-nav-item="users"]')).toBeHidden();
  await expect(reader.locator('#recommendations-role')).toContainText('You can read the tracker');

  await reader.goto(`/recommendation.html?id=${REC}`);
  await waitForData(reader);
  await expect(reader.locator('#recommendation-body')).toContainText('read-only access');
  await expect(reader.locator('#recommendation-current-status')).toContainText('Closed');
  await expect(reader.locator('#rec-actions-table tbody tr').filter({ hasText: ACTION })).toHaveCount(1);
  await expect(reader.locator('main form')).toHaveCount(0);
  await checkAccessibility(reader);
  await screenshot(reader, 'gov-recommendation-scrutiny-user');

  await reader.goto('/scrutiny.html');
  await waitForData(reader);
  await expect(reader.locator('#draw')).toBeHidden();
  await expect(reader.locator('#draw-form *')).toHaveCount(0);
  const sampleLink = reader.locator('#samples-table tbody tr a').first();
  await sampleLink.click();
  await reader.waitForURL(/\/scrutiny-sample\.html\?id=\d+/);
  await waitForData(reader);
  await expect(reader.locator('section.rasso-case')).toHaveCount(6);
  await expect(reader.locator('main form, .rasso-case details[id$="-record"]')).toHaveCount(0);
  // Superseded findings are for reading: the panel's earlier finding is shown to scrutiny staff too.
  await expect(reader.locator('.rasso-case details[id$="-earlier"]')).toHaveCount(1);
  await expect(reader.locator('#sample-show-references')).toHaveCount(0);
  await checkAccessibility(reader);

  await reader.goto('/training.html');
  await expect(reader.locator('h1')).toHaveText('You do not have access to this page');

  // The server, not the page, is what stops a write: its 403 carries the message the pages show.
  const session = await (await reader.request.get('/api/v1/session')).json();
  const refused = await reader.request.post(`/api/v1/recommendations/${REC}/status`, {
    headers: { 'X-CSRF-Token': session.csrf_token, 'Content-Type': 'application/json' },
    data: { status: 'in_progress', note: 'reopen' },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe('your role may not use this');
  expect(readerProblems).toEqual([]);
  await context.close();
});
