import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, periodBounds, periodLabel, periodName, periodOf, recentPeriods, shiftPeriod } from '../src/js/periods.js';

test('period names parse and print back', () => {
  for (const name of ['2025', '2025Q1', '2025Q4', '2025-03', '2024-12']) assert.equal(periodName(parsePeriod(name)), name);
  for (const bad of ['', '25', '2025Q5', '2025-13', '2025-3', 'Q1 2025', null]) assert.equal(parsePeriod(bad), null, String(bad));
});

test('shifting crosses year boundaries', () => {
  assert.equal(periodName(shiftPeriod(parsePeriod('2025Q1'), -1)), '2024Q4');
  assert.equal(periodName(shiftPeriod(parsePeriod('2024-12'), 1)), '2025-01');
  assert.equal(periodName(shiftPeriod(parsePeriod('2025Q3'), -7)), '2023Q4');
  assert.equal(periodName(shiftPeriod(parsePeriod('2025'), -2)), '2023');
});

test('bounds are the first and last day, leap years included', () => {
  assert.deepEqual(periodBounds(parsePeriod('2024-02')), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(periodBounds(parsePeriod('2025Q3')), { from: '2025-07-01', to: '2025-09-30' });
  assert.deepEqual(periodBounds(parsePeriod('2025')), { from: '2025-01-01', to: '2025-12-31' });
});

test('labels and the picker choices', () => {
  assert.equal(periodLabel(parsePeriod('2025Q1')), 'Jan to Mar 2025 (Q1)');
  assert.equal(periodLabel(parsePeriod('2025-03')), 'March 2025');
  assert.equal(periodName(periodOf('2025-09-30', 'quarter')), '2025Q3');
  const choices = recentPeriods('2025-02-10', { quarters: 3, months: 2, years: 2 });
  assert.deepEqual(choices.quarter.map(periodName), ['2025Q1', '2024Q4', '2024Q3']);
  assert.deepEqual(choices.month.map(periodName), ['2025-02', '2025-01']);
  assert.deepEqual(choices.year.map(periodName), ['2025', '2024']);
});
