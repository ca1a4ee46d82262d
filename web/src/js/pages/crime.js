// One crime: its details, the people and their roles (linked to their person pages), contacts
// with victims, arrests, bail, breaches and the outcome.
import { api } from '../api.js';
import { byId, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, personName, recordsTable, summaryList, table, tag } from '../components.js';
import { startPage } from '../layout.js';

const ref = new URLSearchParams(window.location.search).get('ref') || '';

function yesNo(value) {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return text(value);
}

async function start() {
  await startPage();
  if (!ref) {
    replaceChildren(byId('crime-status'), apiFailure('No crime chosen', { message: 'search for one on the Crimes page.' }));
    return;
  }
  byId('crime-heading').textContent = `Crime ${ref}`;
  document.title = `Crime ${ref} – RASSO Workbench`;
  replaceChildren(byId('crime-status'), loading('Loading the crime…'));
  let crime;
  try {
    crime = await api(`/crimes/${encodeURIComponent(ref)}`);
  } catch (error) {
    replaceChildren(byId('crime-status'), apiFailure('The crime could not be loaded', error));
    return;
  }
  replaceChildren(byId('crime-status'));
  byId('crime-caption').textContent = text(crime.offence_label);
  replaceChildren(
    byId('crime-details'),
    summaryList([
      ['Reference', text(crime.crime_ref)],
      ['Force', text(crime.force_code)],
      ['Offence', `${text(crime.offence_label)} (${text(crime.offence_code)})`],
      ['Offence group', text(crime.offence_group)],
      ['Reported', text(crime.reported_date)],
      ['Unit', text(crime.unit_ref)],
      ['Officer in charge', text(crime.officer_ref)],
      ['Child victim', yesNo(crime.child_victim)],
    ]),
  );
  const outcome = crime.outcome && typeof crime.outcome === 'object' ? crime.outcome : null;
  replaceChildren(
    byId('crime-outcome'),
    summaryList([
      ['Outcome code', text(outcome ? outcome.code : crime.outcome_code)],
      ['Outcome', text(outcome ? outcome.label : crime.outcome)],
      ['Outcome date', text(outcome ? outcome.date : crime.outcome_date)],
    ]),
  );
  replaceChildren(
    byId('crime-people'),
    table({
      caption: 'People involved in this crime',
      captionClass: 'govuk-table__caption--s',
      id: 'crime-people-table',
      rows: crime.people || [],
      empty: 'No people recorded.',
      columns: [
        { label: 'Person', value: (p) => personName(p) },
        { label: 'Record', value: (p) => text(p.person_ref) },
        { label: 'Role', value: (p) => tag(text(p.role), p.role === 'suspect' ? 'red' : p.role === 'victim' ? 'blue' : 'grey') },
      ],
    }),
  );
  replaceChildren(byId('crime-contacts'), recordsTable({ caption: 'Contacts with victims', rows: crime.victim_contacts || [], empty: 'No contact with a victim recorded.' }));
  replaceChildren(byId('crime-arrests'), recordsTable({ caption: 'Arrests', rows: crime.arrests || [], empty: 'No arrests recorded.' }));
  replaceChildren(byId('crime-bail'), recordsTable({ caption: 'Bail periods', rows: crime.bail || [], empty: 'No bail recorded.' }));
  replaceChildren(byId('crime-breaches'), recordsTable({ caption: 'Breaches', rows: crime.breaches || [], empty: 'No breaches recorded.' }));
}

start();
