// A resolved person: every source record, why each pair of records was linked (the field-by-field
// weights as a table and a bar chart of the same numbers), crimes, bail, orders, breaches and an
// MoJ timeline. A pseudonymised person shows the pseudonym and a "pseudonymised" tag.
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, crimeLink, loading, recordsTable, table, tag, timeline } from '../components.js';
import { chartWithTable } from '../charts.js';
import { startPage } from '../layout.js';

const id = new URLSearchParams(window.location.search).get('id') || '';

function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function recordName(record) {
  return [record.forename, record.middle_names, record.surname].filter(Boolean).join(' ') || '—';
}

function drawRecords(person) {
  replaceChildren(
    byId('person-records'),
    table({
      caption: `${(person.records || []).length} source records`,
      captionClass: 'govuk-table__caption--s',
      id: 'person-records-table',
      rows: person.records || [],
      columns: [
        { label: 'Record', value: (r) => text(r.person_ref) },
        { label: 'Name', value: (r) => (r.pseudonymised || person.pseudonymised ? h('span', {}, text(r.display_name || person.display_name), ' ', tag('pseudonymised', 'grey')) : recordName(r)) },
        { label: person.pseudonymised ? 'Age band' : 'Date of birth', value: (r) => text(r.dob || r.age_band) },
        { label: 'Sex', value: (r) => text(r.sex) },
        { label: 'Ethnicity', value: (r) => text(r.ethnicity) },
        { label: person.pseudonymised ? 'Postcode district' : 'Postcode', value: (r) => text(r.postcode || r.postcode_district) },
        { label: 'PNC ID', value: (r) => text(r.pnc_id) },
        { label: 'CRO', value: (r) => text(r.cro_number) },
        { label: 'Source', value: (r) => text(r.source) },
      ],
      empty: 'No records.',
    }),
  );
}

function drawLink(link, index) {
  const fields = link.fields || [];
  const container = h('div', { class: 'rasso-link', dataset: { link: String(index) } });
  const title = `${link.person_ref_a} and ${link.person_ref_b}`;
  const evidence = table({
    caption: `Field evidence for ${title}`,
    captionClass: 'govuk-table__caption--s',
    id: `link-${index}-table`,
    rows: fields,
    columns: [
      { label: 'Field', value: (f) => text(f.field) },
      { label: 'Agreement', value: (f) => text(f.level) },
      { label: 'Weight', value: (f) => formatNumber(f.weight), numeric: true },
      { label: `Value in ${link.person_ref_a}`, value: (f) => text(f.value_a) },
      { label: `Value in ${link.person_ref_b}`, value: (f) => text(f.value_b) },
    ],
    empty: 'No field evidence recorded for this link.',
  });
  const chartHolder = h('div');
  const section = h(
    'div',
    { class: 'rasso-link__body' },
    h('h3', { class: 'govuk-heading-s' }, title),
    h('p', { class: 'govuk-body' }, `Match probability ${formatNumber(link.match_probability, 4)}, total match weight ${formatNumber(link.match_weight)}${link.source ? ` (${link.source})` : ''}.`),
    chartHolder,
  );
  container.append(section);
  const draw = () => {
    if (!fields.length) {
      replaceChildren(chartHolder, evidence);
      return;
    }
    chartWithTable(chartHolder, {
      title: `Weight of each field, ${title}`,
      kind: 'barh',
      categoryLabel: 'Field',
      valueLabel: 'Weight',
      categories: fields.map((f) => String(f.field)),
      series: [{ name: 'Weight', points: fields.map((f) => ({ value: f.weight, display: formatNumber(f.weight) })) }],
      table: evidence,
    });
  };
  return { container, draw };
}

function drawLinks(person) {
  const links = person.links || [];
  const holder = byId('person-links');
  if (!links.length) {
    replaceChildren(holder, h('p', { class: 'govuk-body' }, (person.records || []).length > 1 ? 'No link evidence was returned.' : 'This person has one record: there is no link to explain.'));
    return;
  }
  const drawn = links.map(drawLink);
  replaceChildren(holder, drawn.map((link) => link.container));
  for (const link of drawn) link.draw();
}

function drawCrimes(person) {
  replaceChildren(
    byId('person-crimes'),
    table({
      caption: 'Crimes this person is involved in',
      captionClass: 'govuk-table__caption--s',
      id: 'person-crimes-table',
      sortable: true,
      rows: person.crimes || [],
      columns: [
        { label: 'Crime', value: (c) => crimeLink(c.crime_ref), sortValue: (c) => c.crime_ref },
        { label: 'Role', value: (c) => text(c.role) },
        { label: 'Offence', value: (c) => `${text(c.offence_label)} (${text(c.offence_code)})` },
        { label: 'Reported', value: (c) => text(c.reported_date), sortValue: (c) => c.reported_date || '' },
        { label: 'Outcome', value: (c) => text(c.outcome_code), numeric: true, sortValue: (c) => c.outcome_code ?? '' },
      ],
      empty: 'No crimes.',
    }),
  );
}

async function start() {
  await startPage();
  if (!id) {
    replaceChildren(byId('person-status'), apiFailure('No person chosen', { message: 'open a person from the repeat-suspect list or a crime.' }));
    return;
  }
  replaceChildren(byId('person-status'), loading('Loading the person…'));
  let person;
  try {
    person = await api(`/people/${encodeURIComponent(id)}`);
  } catch (error) {
    replaceChildren(byId('person-status'), apiFailure('The person could not be loaded', error));
    return;
  }
  replaceChildren(byId('person-status'));
  const name = person.display_name || `Person ${person.resolved_id}`;
  replaceChildren(byId('person-heading'), name, person.pseudonymised ? [' ', tag('pseudonymised', 'grey')] : null);
  byId('person-caption').textContent = `Resolved person R${person.resolved_id}`;
  document.title = `${name} – RASSO Workbench`;
  drawRecords(person);
  drawLinks(person);
  drawCrimes(person);
  replaceChildren(byId('person-bail'), recordsTable({ caption: 'Pre-charge bail periods', rows: person.bail || [], empty: 'No bail recorded.' }));
  replaceChildren(byId('person-orders'), recordsTable({ caption: 'Protection orders', rows: person.orders || [], empty: 'No orders recorded.' }));
  replaceChildren(byId('person-breaches'), recordsTable({ caption: 'Breaches', rows: person.breaches || [], empty: 'No breaches recorded.' }));
  replaceChildren(byId('person-timeline'), timeline(person.timeline));
}

start();
