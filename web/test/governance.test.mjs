import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOVERNANCE_ROLES, TRAINING_PAGE_ROLES, addDays, isOverdue, nextStatuses, parseOutcomes, parseThemes, percent, percentValue, rolesMay, statusLabel, todayIso, when } from '../src/js/governance-rules.js';

test('the pages offer what the server allows each role (src/server/api_*.cpp route table)', () => {
  assert.ok(rolesMay(['scrutiny'], 'recommendationsRead'));
  assert.ok(!rolesMay(['scrutiny'], 'recommendationsWrite'));
  assert.ok(!rolesMay(['scrutiny'], 'scrutinyWrite'));
  assert.ok(!rolesMay(['analyst'], 'wellbeing'));
  assert.ok(rolesMay(['analyst'], 'caseloads'));
  assert.ok(!rolesMay(['investigator'], 'trainingCompliance'));
  assert.ok(rolesMay(['investigator'], 'trainingWorklist'));
  assert.ok(!rolesMay(['supervisor'], 'courseChange'));
  assert.ok(rolesMay(['investigator', 'administrator'], 'courseChange'));
  assert.ok(!rolesMay(['offender_manager'], 'recommendationsRead'));
  assert.ok(!rolesMay([], 'scrutinyRead'));
  assert.deepEqual([...TRAINING_PAGE_ROLES].sort(), ['administrator', 'analyst', 'investigator', 'supervisor']);
  assert.deepEqual(GOVERNANCE_ROLES.scrutinyWrite, ['supervisor', 'administrator']);
});

test('the status checklist follows the tracker rules (docs/governance.md §4)', () => {
  const open = nextStatuses({ status: 'open', owner: '', actions: [], evidence: [] });
  assert.deepEqual(open.map((s) => s.to), ['in_progress']);
  assert.deepEqual(open[0].missing, ['an owner (executive lead)', 'at least one action']);
  assert.deepEqual(nextStatuses({ status: 'open', owner: 'ACC', actions: [{ status: 'open' }] })[0].missing, []);
  assert.deepEqual(nextStatuses({ status: 'in_progress', evidence: [] })[0].missing, ['at least one evidence item']);
  const submitted = nextStatuses({ status: 'evidence_submitted', actions: [{ status: 'closed' }, { status: 'in_progress' }], evidence: [{}] });
  assert.deepEqual(submitted.map((s) => s.to), ['closed', 'in_progress']);
  assert.match(submitted[0].missing.join('; '), /every action closed \(1 still open or in progress\)/);
  assert.ok(submitted[0].needsNote && submitted[1].needsNote);
  const closed = nextStatuses({ status: 'closed' });
  assert.deepEqual(closed.map((s) => [s.to, s.label]), [['in_progress', 'Reopen (in progress)']]);
  assert.equal(statusLabel('evidence_submitted'), 'Evidence submitted');
  assert.equal(statusLabel('something_else'), 'Something else');
});

test('overdue recommendations: past their own due date or with an action past due, never when closed', () => {
  assert.ok(isOverdue({ status: 'open', due_date: '2025-01-31', overdue_actions: 0 }, '2025-02-01'));
  assert.ok(!isOverdue({ status: 'open', due_date: '2025-01-31', overdue_actions: 0 }, '2025-01-31'));
  assert.ok(isOverdue({ status: 'in_progress', due_date: '2026-01-31', overdue_actions: 1 }, '2025-02-01'));
  assert.ok(!isOverdue({ status: 'closed', due_date: '2020-01-31', overdue_actions: 3 }, '2025-02-01'));
  assert.ok(!isOverdue({ status: 'open', due_date: '', overdue_actions: 0 }, '2025-02-01'));
});

test('dates, rates and what users type', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2025-03-01', -1), '2025-02-28');
  assert.equal(todayIso(new Date(2025, 0, 5)), '2025-01-05');
  assert.equal(percent(0.6818), '68.2%');
  assert.equal(percent(1), '100.0%');
  assert.equal(percent(undefined), '—');
  assert.equal(percentValue(0.6818), 68.2);
  assert.equal(percentValue(null), null);
  assert.equal(when('2025-04-01T10:22:03Z'), '2025-04-01 10:22');
  assert.equal(when(''), '—');
  assert.deepEqual(parseThemes('Victim care, early-evidence;  ,safeguarding'), ['victim_care', 'early_evidence', 'safeguarding']);
  assert.deepEqual(parseThemes(''), []);
  assert.deepEqual(parseOutcomes('14, 15 16'), [14, 15, 16]);
  assert.deepEqual(parseOutcomes(''), []);
  assert.equal(parseOutcomes('14, x'), null);
});
