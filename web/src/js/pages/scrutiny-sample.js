// One scrutiny sample: how it was drawn (period, allocation, seed, strata), then every case as
// its pseudonymised summary (offence, outcome, flags, victims and suspects by age band, sex and
// relationship, a timeline in days from the report) with the panel's latest finding and, folded
// away, the findings it superseded. Supervisors and administrators record a finding per case
// (decision, victim care, Victims' Code compliance, themes, learning and agreed actions); a later
// finding supersedes the earlier one, which is kept and shown.
// Roles that see names may show the crime references (audited as a disclosure).
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, notificationBanner, summaryList, table, tag } from '../components.js';
import { PANEL_DECISIONS, VICTIM_CARE, VICTIMS_CODE_COMPLIANCE } from '../codes.js';
import { button, dateField, fieldForMessage, radios, readDate, readField, showErrors, textArea, textField } from '../forms.js';
import { startPage } from '../layout.js';
import { GOVERNANCE_ROLES, humanise, inset, may, parseThemes, refusal, when } from '../governance.js';

const params = new URLSearchParams(window.location.search);
const sampleId = params.get('id') || '';
const withReferences = params.get('with_references') === 'true';

let canRecord = false;
let seesNames = false;

function labelOf(list, code) {
  const found = list.find(([value]) => value === code);
  return found ? found[1] : humanise(code);
}

function banner(message) {
  const holder = byId('sample-banner');
  replaceChildren(holder, notificationBanner(message, { success: true }));
  holder.querySelector('.govuk-notification-banner').focus();
}

function samplePath(references) {
  const query = new URLSearchParams({ id: sampleId });
  if (references) query.set('with_references', 'true');
  return `/scrutiny-sample.html?${query}`;
}

function sampleDetails(sample) {
  const cases = (sample.cases || []).length;
  return summaryList([
    ['Outcomes dated', `${sample.from} to ${sample.to}`],
    ['Allocation', sample.allocation === 'fixed' ? `${sample.per_stratum} cases from every stratum` : `${sample.size} cases shared over the strata in proportion to their size`],
    ['Cases', `${cases} of ${sample.population} closed cases in the period`],
    ['Outcome codes', (sample.outcomes || []).length ? sample.outcomes.join(', ') : 'Any outcome'],
    ['Seed', text(sample.seed)],
    ['Scope', [sample.force_code, sample.unit_ref].filter(Boolean).join(' / ') || '—'],
    ['Drawn', `${when(sample.created_at)}${sample.created_by ? ` by ${sample.created_by}` : ''} (sampler version ${text(sample.sampler_version)})`],
  ]);
}

function strataTable(sample) {
  return table({
    caption: 'Strata: outcome × offence group',
    captionClass: 'govuk-table__caption--s',
    id: 'sample-strata-table',
    rows: Array.isArray(sample.strata) ? sample.strata : [],
    empty: 'No strata recorded.',
    columns: [
      { label: 'Outcome', value: (s) => text(s.outcome_code), numeric: true },
      { label: 'Offence group', value: (s) => humanise(s.offence_group) },
      { label: 'Closed cases', value: (s) => text(s.population), numeric: true },
      { label: 'Sampled', value: (s) => text(s.sampled), numeric: true },
    ],
  });
}

function findingList(finding) {
  return summaryList([
    ['Panel date', text(finding.panel_date)],
    ['Decision', labelOf(PANEL_DECISIONS, finding.decision)],
    ['Victim care', labelOf(VICTIM_CARE, finding.victim_care)],
    ['Victims’ Code', labelOf(VICTIMS_CODE_COMPLIANCE, finding.victims_code)],
    ['Themes', (finding.themes || []).length ? h('span', { class: 'rasso-tags' }, finding.themes.map((theme) => [tag(theme, 'blue'), ' '])) : '—'],
    ['Learning', text(finding.learning)],
    ['Agreed actions', text(finding.actions)],
    ['Recorded', `${when(finding.recorded_at)}${finding.recorded_by ? ` by ${finding.recorded_by}` : ''}`],
  ]);
}

// The findings a later one superseded, newest first, folded away under the one that stands.
function earlierFindings(entry) {
  const earlier = entry.earlier_findings || [];
  if (!earlier.length) return null;
  const prefix = `c${entry.case_number}`;
  return h(
    'details',
    { class: 'govuk-details', id: `${prefix}-earlier` },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `${earlier.length} earlier ${earlier.length === 1 ? 'finding' : 'findings'} on ${entry.pseudonym}, superseded`)),
    h(
      'div',
      { class: 'govuk-details__text' },
      earlier.map((finding) => [h('h4', { class: 'govuk-heading-s' }, `Panel of ${text(finding.panel_date)} (superseded)`), findingList(finding)]),
    ),
  );
}

function findingForm(entry) {
  const prefix = `c${entry.case_number}`;
  const name = (field) => `${prefix}-${field}`;
  const form = h(
    'form',
    { id: `${prefix}-finding-form`, class: 'rasso-finding-form', novalidate: true },
    dateField({ name: name('panel_date'), legend: 'Date of the panel', hint: 'For example, 15 4 2025' }),
    radios({ name: name('decision'), legend: 'Panel decision on the case', options: PANEL_DECISIONS }),
    radios({ name: name('victim_care'), legend: 'Victim care', options: VICTIM_CARE, small: true, inline: true }),
    radios({ name: name('victims_code'), legend: 'Victims’ Code compliance', options: VICTIMS_CODE_COMPLIANCE, small: true, inline: true }),
    textField({ name: name('themes'), label: 'Themes (optional)', hint: 'Short tags separated by commas, for example victim_care, early_evidence', widthClass: 'govuk-input--width-30', spellcheck: false }),
    textArea({ name: name('learning'), label: 'Learning (optional)', rows: 3 }),
    textArea({ name: name('actions'), label: 'Agreed actions (optional)', rows: 3 }),
    button(entry.finding ? 'Save the new finding' : 'Save finding', { id: `${prefix}-save` }),
  );
  const container = h('div', { class: 'rasso-finding-form-container', id: `${prefix}-form-container` }, form);
  const fields = [
    { name: name('panel_date'), aliases: ['panel date', 'panel_date'] },
    { name: name('decision'), aliases: ['decision'] },
    { name: name('victim_care'), aliases: ['victim care'] },
    { name: name('victims_code'), aliases: ["victims' code", 'victims_code'] },
    { name: name('themes'), aliases: ['theme'] },
    { name: name('learning'), aliases: ['learning'] },
    { name: name('actions'), aliases: ['actions must'] },
  ];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const panelDate = readDate(form, name('panel_date'));
    if (panelDate === '') errors.push({ field: name('panel_date'), message: 'Enter the date of the panel' });
    else if (panelDate === null) errors.push({ field: name('panel_date'), message: 'The date must be a real date, for example 15 4 2025' });
    const decision = readField(form, name('decision'));
    if (!decision) errors.push({ field: name('decision'), message: 'Choose the panel’s decision' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const body = {
      case_number: entry.case_number,
      panel_date: panelDate,
      decision,
      victim_care: readField(form, name('victim_care')) || 'not_assessed',
      victims_code: readField(form, name('victims_code')) || 'not_assessed',
      themes: parseThemes(readField(form, name('themes'))),
      learning: readField(form, name('learning')),
      actions: readField(form, name('actions')),
    };
    const save = byId(`${prefix}-save`);
    save.disabled = true;
    try {
      await api(`/scrutiny/samples/${encodeURIComponent(sampleId)}/findings`, { method: 'POST', body });
      await load(`Finding recorded on case ${entry.pseudonym}: ${labelOf(PANEL_DECISIONS, decision).toLowerCase()}.`);
    } catch (error) {
      showErrors(container, refusal(error, fieldForMessage(error.message, fields)));
      save.disabled = false;
    }
  });
  return h(
    'details',
    { class: 'govuk-details', id: `${prefix}-record` },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, entry.finding ? `Record a new finding on ${entry.pseudonym} (it supersedes this one)` : `Record the panel’s finding on ${entry.pseudonym}`)),
    h('div', { class: 'govuk-details__text' }, container),
  );
}

function caseSection(entry) {
  const prefix = `c${entry.case_number}`;
  const parties = entry.parties || [];
  const events = entry.timeline || [];
  return h(
    'section',
    { class: 'rasso-case', id: `case-${entry.case_number}`, 'aria-labelledby': `${prefix}-heading`, dataset: { pseudonym: entry.pseudonym } },
    h('h2', { class: 'govuk-heading-m', id: `${prefix}-heading` }, `Case ${entry.pseudonym} `, tag('pseudonymised', 'grey')),
    summaryList([
      ['Offence', `${text(entry.offence)}${entry.offence_group ? ` (${humanise(entry.offence_group)})` : ''}`],
      ['Outcome', `${text(entry.outcome_code)}: ${text(entry.outcome)}`],
      ['Flags', (entry.flags || []).length ? entry.flags.join(', ') : 'None'],
      entry.crime_ref ? ['Crime reference', h('a', { class: 'govuk-link', href: `/crime.html?ref=${encodeURIComponent(entry.crime_ref)}` }, entry.crime_ref)] : null,
    ].filter(Boolean)),
    h(
      'div',
      { class: 'govuk-grid-row' },
      h(
        'div',
        { class: 'govuk-grid-column-one-half' },
        table({
          caption: 'Victims and suspects',
          captionClass: 'govuk-table__caption--s',
          id: `${prefix}-parties`,
          rows: parties,
          empty: 'No parties recorded.',
          columns: [
            { label: 'Role', value: (p) => humanise(p.role) },
            { label: 'Age band', value: (p) => text(p.age_band) },
            { label: 'Sex', value: (p) => humanise(p.sex) },
            { label: 'Relationship to the victim', value: (p) => text(p.relationship) },
          ],
        }),
      ),
      h(
        'div',
        { class: 'govuk-grid-column-one-half' },
        table({
          caption: 'Timeline in days from the report',
          captionClass: 'govuk-table__caption--s',
          id: `${prefix}-timeline`,
          rows: events,
          empty: 'No events recorded.',
          columns: [
            { label: 'Day', value: (e) => text(e.day), numeric: true },
            { label: 'What happened', value: (e) => text(e.event) },
          ],
        }),
      ),
    ),
    h('h3', { class: 'govuk-heading-s' }, 'Panel finding'),
    h('div', { class: 'rasso-finding', id: `${prefix}-finding` }, entry.finding ? findingList(entry.finding) : h('p', { class: 'govuk-body' }, 'No finding recorded yet.')),
    earlierFindings(entry),
    canRecord ? findingForm(entry) : null,
  );
}

function render(sample) {
  byId('sample-heading').textContent = `Scrutiny sample ${sample.sample_id}`;
  document.title = `Scrutiny sample ${sample.sample_id} – RASSO Workbench`;
  const cases = sample.cases || [];
  const found = cases.filter((entry) => entry.finding).length;
  replaceChildren(
    byId('sample-body'),
    canRecord ? null : inset('You can read this sample. Findings are recorded by supervisors and administrators.'),
    sampleDetails(sample),
    h(
      'details',
      { class: 'govuk-details', id: 'sample-strata' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `How the cases were drawn: ${Array.isArray(sample.strata) ? sample.strata.length : 0} strata`)),
      h('div', { class: 'govuk-details__text moj-scrollable-pane' }, strataTable(sample)),
    ),
    seesNames
      ? h(
          'p',
          { class: 'govuk-body' },
          withReferences
            ? h('a', { class: 'govuk-link', href: samplePath(false) }, 'Hide the crime references')
            : h('a', { class: 'govuk-link', href: samplePath(true), id: 'sample-show-references' }, 'Show the crime references (so the files can be pulled; recorded in the audit log as a disclosure)'),
        )
      : null,
    h('h2', { class: 'govuk-heading-m', id: 'sample-cases-heading' }, `${cases.length} cases`),
    h('p', { class: 'govuk-body', id: 'sample-progress' }, `${found} of ${cases.length} ${cases.length === 1 ? 'case has' : 'cases have'} a panel finding. `, h('a', { class: 'govuk-link', href: `/scrutiny.html?${new URLSearchParams({ sample: String(sample.sample_id) })}#themes` }, 'Themes for this sample')),
    cases.map(caseSection),
  );
}

async function load(message) {
  if (!message) replaceChildren(byId('sample-body'), loading('Loading the sample…'));
  try {
    const sample = await api(`/scrutiny/samples/${encodeURIComponent(sampleId)}`, { query: { with_references: withReferences && seesNames ? 'true' : '' } });
    canRecord = canRecord && sample.can_record_findings !== false;
    render(sample);
    if (message) banner(message);
  } catch (error) {
    replaceChildren(byId('sample-body'), apiFailure(`Sample ${sampleId} could not be loaded`, error));
  }
}

async function start() {
  const session = await startPage({ role: GOVERNANCE_ROLES.scrutinyRead });
  if (!session) return;
  if (!sampleId) {
    replaceChildren(byId('sample-body'), h('p', { class: 'govuk-body' }, 'Choose a sample from ', h('a', { class: 'govuk-link', href: '/scrutiny.html' }, 'the scrutiny panels page'), '.'));
    return;
  }
  canRecord = may(session, 'scrutinyWrite');
  seesNames = may(session, 'namesVisible');
  const drawn = params.get('drawn');
  await load();
  if (drawn) {
    banner(drawn);
    // Said once: a reload of the page does not say it again.
    window.history.replaceState(null, '', samplePath(withReferences));
  }
}

start();
