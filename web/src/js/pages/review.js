// The review queue for uncertain identity links: the two records side by side, the field
// evidence, and a decision (same or different person, with a reason) per pair. A decided pair
// leaves the page at once and the queue on the next load.
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, fieldLabel, loading, notificationBanner, table, tag } from '../components.js';
import { button, radios, readField, showErrors, textArea } from '../forms.js';
import { startPage } from '../layout.js';

const params = new URLSearchParams(window.location.search);
const PAGE_SIZE = 20;
const page = Math.max(1, Number(params.get('page')) || 1);

function number(value, digits) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function sideBySide(candidate) {
  const a = candidate.record_a || {};
  const b = candidate.record_b || {};
  const keys = [];
  for (const key of [...Object.keys(a), ...Object.keys(b)]) if (key !== 'person_ref' && !keys.includes(key)) keys.push(key);
  return table({
    caption: 'The two records side by side',
    captionClass: 'govuk-table__caption--s',
    rows: keys.map((key) => ({ key, a: a[key], b: b[key] })),
    columns: [
      { label: 'Field', value: (row) => fieldLabel(row.key) },
      { label: text(candidate.person_ref_a), value: (row) => text(row.a) },
      { label: text(candidate.person_ref_b), value: (row) => text(row.b) },
      { label: 'Same?', value: (row) => (row.a === undefined || row.b === undefined || row.a === '' || row.b === '' ? '—' : row.a === row.b ? tag('same', 'green') : tag('differs', 'orange')) },
    ],
  });
}

function evidence(candidate) {
  return table({
    caption: 'Field evidence (weights added to the match score)',
    captionClass: 'govuk-table__caption--s',
    rows: candidate.fields || [],
    empty: 'No field evidence recorded.',
    columns: [
      { label: 'Field', value: (f) => text(f.field) },
      { label: 'Agreement', value: (f) => text(f.level) },
      { label: 'Weight', value: (f) => number(f.weight, 2), numeric: true },
    ],
  });
}

function decisionForm(candidate, index, onDecided) {
  const decisionName = `decision-${index}`;
  const reasonName = `reason-${index}`;
  const form = h(
    'form',
    { class: 'rasso-review-form', novalidate: true },
    radios({ name: decisionName, legend: 'Are these the same person?', inline: true, options: [['same', 'Same person'], ['different', 'Different people']] }),
    textArea({ name: reasonName, label: 'Reason', hint: 'What settled it, for example a matching custody photograph or different dates of birth on the PNC', rows: 2 }),
    button('Record decision'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const decision = readField(form, decisionName);
    const reason = readField(form, reasonName);
    const errors = [];
    if (!decision) errors.push({ field: decisionName, message: 'Select whether these are the same person' });
    if (!reason) errors.push({ field: reasonName, message: 'Enter the reason for your decision' });
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    try {
      await api('/review-queue/decisions', { method: 'POST', body: { person_ref_a: candidate.person_ref_a, person_ref_b: candidate.person_ref_b, decision, reason } });
      onDecided(`${candidate.person_ref_a} and ${candidate.person_ref_b}: recorded as ${decision === 'same' ? 'the same person' : 'different people'}.`);
    } catch (error) {
      showErrors(form, [{ field: error.code === 'invalid_input' ? reasonName : null, message: error.message }]);
    }
  });
  return form;
}

function candidateSection(candidate, index) {
  const section = h('section', { class: 'rasso-review-item', 'aria-labelledby': `review-${index}-heading` });
  const onDecided = (message) => {
    replaceChildren(byId('review-banner'), notificationBanner(message, { success: true }));
    section.remove();
  };
  section.append(
    h('h2', { class: 'govuk-heading-m', id: `review-${index}-heading` }, `${text(candidate.person_ref_a)} and ${text(candidate.person_ref_b)}`),
    h('p', { class: 'govuk-body' }, `Match probability ${number(candidate.match_probability, 4)}, match weight ${number(candidate.match_weight, 2)}. `, candidate.linked ? tag('linked now', 'blue') : tag('not linked now', 'grey')),
    h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-one-half' }, sideBySide(candidate)), h('div', { class: 'govuk-grid-column-one-half' }, evidence(candidate))),
    decisionForm(candidate, index, onDecided),
  );
  return section;
}

async function start() {
  await startPage();
  replaceChildren(byId('review-items'), loading('Loading the review queue…'));
  try {
    const body = await api('/review-queue', { query: { page, page_size: PAGE_SIZE } });
    const items = body.items || [];
    const total = body.total ?? items.length;
    replaceChildren(byId('review-summary'), total ? `${total} ${total === 1 ? 'pair' : 'pairs'} to review. This page shows ${items.length}.` : 'Nothing to review.');
    replaceChildren(byId('review-items'), items.map((candidate, index) => candidateSection(candidate, (page - 1) * PAGE_SIZE + index + 1)));
    const hasPrev = page > 1;
    const hasNext = page * PAGE_SIZE < total;
    byId('review-pagination').hidden = !hasPrev && !hasNext;
    byId('review-prev').hidden = !hasPrev;
    byId('review-next').hidden = !hasNext;
    byId('review-prev-link').setAttribute('href', `/review.html?page=${page - 1}`);
    byId('review-next-link').setAttribute('href', `/review.html?page=${page + 1}`);
  } catch (error) {
    replaceChildren(byId('review-items'), apiFailure('The review queue could not be loaded', error));
  }
}

start();
