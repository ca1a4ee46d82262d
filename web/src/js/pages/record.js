// The recording forms behind the worklists' actions (breach response, victim contact, bail
// extension, s63G decision): GOV.UK form patterns, a light check for empty or impossible
// answers, then the server's validation (the same as `rasso record`), whose message appears in
// the error summary against the field it names. On success, back to the worklist.
import { api } from '../api.js';
import { byId, h, replaceChildren } from '../dom.js';
import { summaryList, warning } from '../components.js';
import { BAIL_AUTHORITIES, BREACH_RESPONSES, CONTACT_METHODS, CONTACT_PURPOSES, S63G_DECISIONS, S63G_GROUNDS } from '../codes.js';
import { button, checkboxes, dateField, fieldForMessage, radios, readDate, readField, selectField, showErrors, textArea, textField } from '../forms.js';
import { startPage } from '../layout.js';
import { ACTION_TITLES } from '../worklist-kinds.js';

const params = new URLSearchParams(window.location.search);
const ref = params.get('ref') || '';
const crimeRef = params.get('crime_ref') || '';
const personRef = params.get('person_ref') || '';
const DATE_HINT = 'For example, 27 3 2025';

// Only a worklist path on this site.
function returnPath() {
  const back = params.get('return') || '';
  return back.startsWith('/worklist.html') ? back : `/worklist.html?kind=${encodeURIComponent(params.get('kind') || 'bail')}`;
}

function asOfOfReturn() {
  const query = returnPath().split('?')[1] || '';
  return new URLSearchParams(query).get('as_of') || undefined;
}

// Each action: its fields, how to read them into the request body (or errors), and where to send it.
const ACTIONS = {
  'breach-response': {
    subject: `Breach ${ref}`,
    fields: () => [
      radios({ name: 'response_type', legend: 'What was the response?', options: BREACH_RESPONSES }),
      dateField({ name: 'response_date', legend: 'When was it?', hint: DATE_HINT }),
      textArea({ name: 'notes', label: 'Notes (optional)' }),
    ],
    aliases: { response_type: ['response', '--response'], response_date: ['--date', 'date'] },
    read: (form, errors) => ({
      response_type: required(readField(form, 'response_type'), 'response_type', 'Select the response', errors),
      response_date: requiredDate(form, 'response_date', 'Enter the date of the response', errors),
      notes: readField(form, 'notes'),
    }),
    send: (body) => api(`/breaches/${encodeURIComponent(ref)}/response`, { method: 'POST', body }),
    done: (body) => `Response “${body.response_type}” recorded for breach ${ref}`,
  },
  'victim-contact': {
    subject: `Victim ${personRef} on crime ${crimeRef}`,
    fields: () => [
      dateField({ name: 'contact_date', legend: 'When was the contact?', hint: DATE_HINT }),
      radios({ name: 'method', legend: 'How was the victim contacted?', options: CONTACT_METHODS, small: true }),
      radios({ name: 'purpose', legend: 'What was it about?', options: CONTACT_PURPOSES, small: true }),
      textField({ name: 'agreed_frequency_days', label: 'Contact frequency agreed with the victim, in days (optional)', type: 'text', widthClass: 'govuk-input--width-3' }),
      textArea({ name: 'notes', label: 'Notes (optional)' }),
    ],
    aliases: { contact_date: ['--date', 'date'], agreed_frequency_days: ['frequency'] },
    read: (form, errors) => {
      const frequency = readField(form, 'agreed_frequency_days');
      if (frequency && !/^\d+$/.test(frequency)) errors.push({ field: 'agreed_frequency_days', message: 'Enter the frequency as a whole number of days' });
      return {
        crime_ref: crimeRef,
        person_ref: personRef,
        contact_date: requiredDate(form, 'contact_date', 'Enter the date of the contact', errors),
        method: required(readField(form, 'method'), 'method', 'Select how the victim was contacted', errors),
        purpose: required(readField(form, 'purpose'), 'purpose', 'Select what the contact was about', errors),
        agreed_frequency_days: frequency ? Number(frequency) : undefined,
        notes: readField(form, 'notes'),
      };
    },
    send: (body) => api('/victim-contacts', { method: 'POST', body }),
    done: (body) => `Contact with victim ${personRef} on ${body.contact_date} recorded`,
  },
  'bail-extension': {
    subject: `Bail ${ref}`,
    fields: () => [
      selectField({ name: 'authorised_by', label: 'Who authorised the extension?', hint: 'To 6 months: inspector or above. To 9 months: superintendent or above. Beyond 9 months: a magistrates’ court.', options: BAIL_AUTHORITIES }),
      dateField({ name: 'authorised_date', legend: 'When was it authorised?', hint: DATE_HINT }),
      dateField({ name: 'end_date', legend: 'Last day of the new bail period', hint: DATE_HINT }),
      textArea({ name: 'conditions', label: 'Bail conditions (optional)' }),
      checkboxes({ name: 'victim_views_sought', legend: 'Victim’s views', options: [['yes', 'The victim’s views on the conditions were sought']] }),
      textArea({ name: 'notes', label: 'Notes (optional)' }),
    ],
    aliases: { authorised_by: ['authorised-by', 'rank', 'authoris'], authorised_date: ['--date', 'authorised_date'], end_date: ['--until', 'until', 'end'] },
    read: (form, errors) => ({
      authorised_by: required(readField(form, 'authorised_by'), 'authorised_by', 'Select who authorised the extension', errors),
      authorised_date: requiredDate(form, 'authorised_date', 'Enter the date it was authorised', errors),
      end_date: requiredDate(form, 'end_date', 'Enter the last day of the new bail period', errors),
      conditions: readField(form, 'conditions'),
      victim_views_sought: readField(form, 'victim_views_sought').length > 0,
      notes: readField(form, 'notes'),
    }),
    send: (body) => api(`/bail/${encodeURIComponent(ref)}/extension`, { method: 'POST', body }),
    done: (body) => `Bail ${ref} extended to ${body.end_date}`,
  },
  s63g: {
    subject: `Biometric record ${ref}`,
    fields: () => [
      radios({ name: 'decision', legend: 'What is the position?', options: S63G_DECISIONS }),
      radios({ name: 'ground', legend: 'Ground for retention (if applying)', options: S63G_GROUNDS, small: true }),
      dateField({ name: 'application_date', legend: 'Date the application was made (if applied)', hint: DATE_HINT }),
      dateField({ name: 'decision_date', legend: 'Date of the Commissioner’s decision (if decided)', hint: DATE_HINT }),
      textArea({ name: 'notes', label: 'Notes (optional)' }),
    ],
    aliases: { application_date: ['--applied', 'applied', 'application'], decision_date: ['--decided', 'decided'], ground: ['ground'] },
    read: (form, errors) => ({
      decision: required(readField(form, 'decision'), 'decision', 'Select the position', errors),
      ground: readField(form, 'ground') || undefined,
      application_date: optionalDate(form, 'application_date', errors),
      decision_date: optionalDate(form, 'decision_date', errors),
      notes: readField(form, 'notes'),
    }),
    send: (body) => api(`/biometrics/${encodeURIComponent(ref)}/decision`, { method: 'POST', body }),
    done: (body) => `s63G position “${body.decision}” recorded for ${ref}`,
  },
};

function required(value, field, message, errors) {
  if (!value) errors.push({ field, message });
  return value;
}

function requiredDate(form, field, message, errors) {
  const value = readDate(form, field);
  if (value === '') errors.push({ field, message });
  else if (value === null) errors.push({ field, message: 'The date must be a real date, for example 27 3 2025' });
  return value || undefined;
}

function optionalDate(form, field, errors) {
  const value = readDate(form, field);
  if (value === null) errors.push({ field, message: 'The date must be a real date, for example 27 3 2025' });
  return value || undefined;
}

async function start() {
  await startPage();
  const actionId = params.get('action');
  const action = ACTIONS[actionId];
  byId('record-back').setAttribute('href', returnPath());
  const container = byId('record-container');
  const form = byId('record-form');
  if (!action || !ref && actionId !== 'victim-contact' || actionId === 'victim-contact' && (!crimeRef || !personRef)) {
    replaceChildren(form, warning('This page needs a worklist item. Go back to the worklist and choose the item’s action.'));
    return;
  }
  byId('record-heading').textContent = ACTION_TITLES[actionId];
  document.title = `${ACTION_TITLES[actionId]} – RASSO Workbench`;
  byId('record-caption').textContent = action.subject;
  replaceChildren(
    byId('record-context'),
    summaryList([
      ['Record', ref || '—'],
      ['Crime', crimeRef ? h('a', { class: 'govuk-link', href: `/crime.html?ref=${encodeURIComponent(crimeRef)}` }, crimeRef) : '—'],
      ['Person record', personRef || '—'],
    ]),
  );
  replaceChildren(form, action.fields(), button('Save', { id: 'record-save' }));
  const fieldNames = [...form.querySelectorAll('.govuk-form-group[data-field]')].map((group) => group.dataset.field);
  const fieldAliases = fieldNames.map((name) => ({ name, aliases: (action.aliases || {})[name] || [] }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const body = action.read(form, errors);
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const asOf = asOfOfReturn();
    if (asOf) body.as_of = asOf;
    const save = byId('record-save');
    save.disabled = true;
    try {
      await action.send(body);
      const back = new URL(returnPath(), window.location.origin);
      back.searchParams.set('recorded', action.done(body));
      window.location.assign(back.pathname + back.search);
    } catch (error) {
      const field = error.code === 'invalid_input' || error.code === 'conflict' ? fieldForMessage(error.message, fieldAliases) : null;
      showErrors(container, [{ field, message: error.message }]);
    } finally {
      save.disabled = false;
    }
  });
}

start();
