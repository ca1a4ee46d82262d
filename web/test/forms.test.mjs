import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldForMessage } from '../src/js/forms.js';

const fields = [
  { name: 'response_type', aliases: ['response', '--response'] },
  { name: 'response_date', aliases: ['--date', 'date'] },
  { name: 'notes' },
];

test('a server message is matched to the field it names, exact names before aliases', () => {
  assert.equal(fieldForMessage("field 'response_date': must not be after the as-of date", fields), 'response_date');
  assert.equal(fieldForMessage("response 'detain' is not one of arrest, charge, warning, court, none", fields), 'response_type');
  assert.equal(fieldForMessage('--date 2025-13-01: month out of range', fields), 'response_date');
  assert.equal(fieldForMessage('no breach BR-9', fields), null);
  assert.equal(fieldForMessage(undefined, fields), null);
});
