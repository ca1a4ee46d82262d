// Workforce and training: compliance with required training by unit (a chart of the rates and a
// table of the same numbers), officers missing required training and training expiring (the
// training worklist), detective accreditation per unit, investigator caseloads over time (median
// and maximum, a chart and its table), well-being check-ins overdue with a form to record a
// check-in date (dates only), and the course catalogue, which administrators can change.
// Each section is shown only to the roles the server lets read it (governance.js); a refusal
// from the server is shown as it is.
import { api, listAll } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, notificationBanner, table, tag } from '../components.js';
import { chartWithTable } from '../charts.js';
import { OFFICER_ROLES } from '../codes.js';
import { button, checkboxes, clearErrors, dateField, fieldForMessage, radios, readDate, readField, selectField, showErrors, textField, writeDate } from '../forms.js';
import { startPage } from '../layout.js';
import { TRAINING_PAGE_ROLES, humanise, may, overdueTag, percent, percentValue, refusal, when } from '../governance.js';

const params = new URLSearchParams(window.location.search);
const asOf = params.get('as_of') || '';
const unitFilter = params.get('unit') || '';
const DATE_HINT = 'For example, 27 3 2025';
const MISSING_KINDS = ['training_overdue', 'training_expired'];
const EXPIRING_KINDS = ['training_expiring', 'training_due'];

function showSection(id) {
  byId(id).hidden = false;
  const item = document.querySelector(`#training-contents [data-section="${id}"]`);
  if (item) item.hidden = false;
}

function banner(message) {
  const holder = byId('training-banner');
  replaceChildren(holder, notificationBanner(message, { success: true }));
  holder.querySelector('.govuk-notification-banner').focus();
}

function unitName(key) {
  return key === 'ALL' ? 'All units' : text(key);
}

// --- Compliance by unit, and detective accreditation --------------------------------------------

async function loadCompliance() {
  replaceChildren(byId('compliance-chart'), loading('Loading training compliance…'));
  replaceChildren(byId('accreditation-list'), loading());
  try {
    const body = await api('/training/compliance', { query: { by: 'unit', as_of: asOf, unit: unitFilter } });
    const rows = body.items || [];
    const all = rows.find((row) => row.key === 'ALL');
    replaceChildren(
      byId('compliance-summary'),
      all
        ? h(
            'p',
            { class: 'govuk-body', id: 'compliance-overall' },
            h('strong', {}, `${percent(all.compliance_rate)} compliant`),
            ` across ${all.officers} ${all.officers === 1 ? 'officer' : 'officers'} on ${body.as_of}: ${all.held} courses held (${all.expiring} expiring within ${body.warning_days} days), ${all.overdue} overdue, ${all.expired} expired, ${all.not_yet_due} not yet due.`,
          )
        : null,
    );
    if (!rows.length) {
      replaceChildren(byId('compliance-chart'), h('p', { class: 'govuk-body' }, 'No officer in your scope has a required course.'));
    } else {
      const complianceTable = table({
        caption: `Training compliance by unit on ${body.as_of}: the numbers in the chart`,
        captionClass: 'govuk-table__caption--s',
        id: 'training-compliance-table',
        rows,
        columns: [
          { label: 'Unit', value: (row) => unitName(row.key) },
          { label: 'Officers', value: (row) => text(row.officers), numeric: true },
          { label: 'Requirements', value: (row) => text(row.required), numeric: true },
          { label: 'Held', value: (row) => text(row.held), numeric: true },
          { label: 'Of which expiring', value: (row) => text(row.expiring), numeric: true },
          { label: 'Not yet due', value: (row) => text(row.not_yet_due), numeric: true },
          { label: 'Overdue', value: (row) => text(row.overdue), numeric: true },
          { label: 'Expired', value: (row) => text(row.expired), numeric: true },
          { label: 'Compliance rate', value: (row) => percent(row.compliance_rate), numeric: true },
        ],
      });
      chartWithTable(byId('compliance-chart'), {
        title: `Compliance rate by unit, as of ${body.as_of}`,
        kind: 'barh',
        categoryLabel: 'Unit',
        valueLabel: '%',
        valueMax: 100,
        topDown: true,
        categories: rows.map((row) => unitName(row.key)),
        series: [{ name: 'Compliance rate (%)', points: rows.map((row) => ({ value: percentValue(row.compliance_rate), display: percent(row.compliance_rate) })) }],
        table: complianceTable,
      });
    }
    const accreditation = body.accreditation || [];
    replaceChildren(
      byId('accreditation-list'),
      table({
        caption: `Investigators in post by detective status, ${body.as_of}`,
        captionClass: 'govuk-table__caption--s',
        id: 'accreditation-table',
        rows: accreditation,
        empty: 'No investigator in post in your scope.',
        columns: [
          { label: 'Unit', value: (row) => unitName(row.unit_ref) },
          { label: 'Investigators', value: (row) => text(row.investigators), numeric: true },
          { label: 'Accredited', value: (row) => text(row.accredited), numeric: true },
          { label: 'Trainee', value: (row) => text(row.trainee), numeric: true },
          { label: 'Not a detective', value: (row) => text(row.not_detective), numeric: true },
          { label: 'Not recorded', value: (row) => text(row.not_recorded), numeric: true },
          { label: 'Accredited share', value: (row) => (row.investigators ? percent(row.accredited / row.investigators) : '—'), numeric: true },
        ],
      }),
    );
  } catch (error) {
    replaceChildren(byId('compliance-chart'), apiFailure('Training compliance could not be loaded', error));
    replaceChildren(byId('accreditation-list'), apiFailure('Detective accreditation could not be loaded', error));
  }
}

// --- The training worklist: missing and expiring -------------------------------------------------

function worklistTable(items, { caption, id, empty }) {
  return table({
    caption,
    captionClass: 'govuk-table__caption--s',
    id,
    sortable: true,
    empty,
    rows: items.map((item) => ({ ...item, __key: item.item_id })),
    columns: [
      { label: 'Due', value: (item) => text(item.due_date), sortValue: (item) => item.due_date || '', nowrap: true },
      { label: 'Overdue', value: (item) => overdueTag(item.days_overdue), sortValue: (item) => Number(item.days_overdue) || 0, numeric: true },
      { label: 'What needs doing', value: (item) => h('span', {}, h('strong', {}, humanise(item.kind)), h('br'), text(item.reason)) },
      { label: 'Officer', value: (item) => text((item.owner && item.owner.officer_ref) || item.display_name), nowrap: true },
      { label: 'Unit', value: (item) => text(item.owner && item.owner.unit_ref), nowrap: true },
      { label: 'Course', value: (item) => text(item.subject_ref) },
    ],
  });
}

async function loadWorklist(showMissing, showExpiring) {
  if (showMissing) replaceChildren(byId('missing-list'), loading('Loading the training worklist…'));
  if (showExpiring) replaceChildren(byId('expiring-list'), loading());
  try {
    const { items, total, first } = await listAll('/worklists/training', { as_of: asOf, unit: unitFilter }, 2000);
    const day = (first && first.as_of) || asOf;
    const more = total > items.length ? ` (the first ${items.length} of ${total} items)` : '';
    const missing = items.filter((item) => MISSING_KINDS.includes(item.kind));
    const expiring = items.filter((item) => EXPIRING_KINDS.includes(item.kind));
    if (showMissing) {
      replaceChildren(byId('missing-list'), worklistTable(missing, { caption: `${missing.length} required ${missing.length === 1 ? 'course' : 'courses'} overdue or lapsed on ${day}${more}`, id: 'training-missing-table', empty: 'No officer is missing required training.' }));
    }
    if (showExpiring) {
      replaceChildren(byId('expiring-list'), worklistTable(expiring, { caption: `${expiring.length} ${expiring.length === 1 ? 'course' : 'courses'} expiring or due soon, from ${day}${more}`, id: 'training-expiring-table', empty: 'No training expires or falls due soon.' }));
    }
  } catch (error) {
    if (showMissing) replaceChildren(byId('missing-list'), apiFailure('The training worklist could not be loaded', error));
    if (showExpiring) replaceChildren(byId('expiring-list'), apiFailure('The training worklist could not be loaded', error));
  }
}

// --- Caseloads ----------------------------------------------------------------------------------

async function loadCaseloads() {
  replaceChildren(byId('caseloads-chart'), loading('Loading caseloads…'));
  try {
    const body = await api('/caseloads', { query: { by: 'unit', months: 12, as_of: asOf } });
    const rows = body.items || [];
    const group = unitFilter || 'ALL';
    const series = rows.filter((row) => row.group === group);
    const groupName = group === 'ALL' ? 'all units' : `unit ${group}`;
    if (!series.length) {
      replaceChildren(byId('caseloads-chart'), h('p', { class: 'govuk-body' }, `No caseload figures for ${groupName}.`));
      replaceChildren(byId('caseloads-units'));
      return;
    }
    const caseloadTable = table({
      caption: `Open crimes per officer, ${groupName}: the numbers in the chart`,
      captionClass: 'govuk-table__caption--s',
      id: 'caseloads-table',
      rows: series,
      columns: [
        { label: 'Month end', value: (row) => text(row.date), nowrap: true },
        { label: 'Officers counted', value: (row) => text(row.officers), numeric: true },
        { label: 'Open crimes', value: (row) => text(row.open_crimes), numeric: true },
        { label: 'Median per officer', value: (row) => text(row.median), numeric: true },
        { label: 'Maximum per officer', value: (row) => text(row.maximum), numeric: true },
      ],
    });
    chartWithTable(byId('caseloads-chart'), {
      title: `Open crimes per officer in charge, ${groupName}, month by month to ${body.as_of}`,
      kind: 'line',
      categoryLabel: 'Month end',
      valueLabel: 'Open crimes',
      categories: series.map((row) => row.date),
      series: [
        { name: 'Median', points: series.map((row) => ({ value: row.median })) },
        { name: 'Maximum', points: series.map((row) => ({ value: row.maximum })) },
      ],
      table: caseloadTable,
    });
    const lastDate = series[series.length - 1].date;
    const units = rows.filter((row) => row.date === lastDate && row.group !== 'ALL');
    replaceChildren(
      byId('caseloads-units'),
      group === 'ALL'
        ? table({
            caption: `Caseload by unit on ${lastDate}`,
            captionClass: 'govuk-table__caption--s',
            id: 'caseloads-units-table',
            sortable: true,
            rows: units,
            empty: 'No unit has an open crime.',
            columns: [
              { label: 'Unit', value: (row) => text(row.group) },
              { label: 'Officers counted', value: (row) => text(row.officers), numeric: true, sortValue: (row) => row.officers },
              { label: 'Open crimes', value: (row) => text(row.open_crimes), numeric: true, sortValue: (row) => row.open_crimes },
              { label: 'Median per officer', value: (row) => text(row.median), numeric: true, sortValue: (row) => row.median },
              { label: 'Maximum per officer', value: (row) => text(row.maximum), numeric: true, sortValue: (row) => row.maximum },
            ],
          })
        : null,
    );
  } catch (error) {
    replaceChildren(byId('caseloads-chart'), apiFailure('Caseloads could not be loaded', error));
  }
}

// --- Well-being check-ins -----------------------------------------------------------------------

async function loadWellbeing() {
  replaceChildren(byId('wellbeing-list'), loading('Loading well-being check-ins…'));
  let everyone = [];
  try {
    const [due, all] = await Promise.all([
      api('/wellbeing-checkins', { query: { as_of: asOf, unit: unitFilter } }),
      api('/wellbeing-checkins', { query: { as_of: asOf, unit: unitFilter, all: 'true' } }),
    ]);
    everyone = all.items || [];
    const items = due.items || [];
    const overdue = items.filter((item) => Number(item.days_overdue) > 0).length;
    replaceChildren(
      byId('wellbeing-list'),
      table({
        caption: `${overdue} ${overdue === 1 ? 'officer' : 'officers'} overdue, ${items.length - overdue} due within 30 days (every ${due.interval_months} months), on ${due.as_of}`,
        captionClass: 'govuk-table__caption--s',
        id: 'wellbeing-table',
        sortable: true,
        rows: items.map((item) => ({ ...item, __key: item.officer_ref })),
        empty: 'No officer’s well-being check-in is overdue or due soon.',
        columns: [
          { label: 'Officer', value: (item) => text(item.officer_ref) },
          { label: 'Unit', value: (item) => text(item.unit_ref) },
          { label: 'Last check-in', value: (item) => text(item.last_checkin || 'None recorded'), sortValue: (item) => item.last_checkin || '' },
          { label: 'Due', value: (item) => text(item.due_date), sortValue: (item) => item.due_date || '', nowrap: true },
          { label: 'Overdue', value: (item) => overdueTag(item.days_overdue), sortValue: (item) => Number(item.days_overdue) || 0, numeric: true },
        ],
      }),
    );
  } catch (error) {
    replaceChildren(byId('wellbeing-list'), apiFailure('Well-being check-ins could not be loaded', error));
  }
  wellbeingForm(everyone);
}

function wellbeingForm(officers) {
  const form = byId('wellbeing-form');
  const container = byId('wellbeing-form-container');
  const options = [['', 'Choose the officer'], ...officers.map((officer) => [officer.officer_ref, `${officer.officer_ref}${officer.unit_ref ? `, ${officer.unit_ref}` : ''}${officer.last_checkin ? ` (last ${officer.last_checkin})` : ' (none recorded)'}`])];
  const fresh = form.cloneNode(false);
  form.replaceWith(fresh);
  replaceChildren(
    fresh,
    officers.length
      ? selectField({ name: 'wellbeing_officer', label: 'Officer', hint: 'Officers in your scope who need check-ins', options })
      : textField({ name: 'wellbeing_officer', label: 'Officer reference', widthClass: 'govuk-input--width-10', spellcheck: false }),
    dateField({ name: 'checkin_date', legend: 'Date of the check-in', hint: `${DATE_HINT}. Only the date is recorded.` }),
    button('Record check-in date', { id: 'wellbeing-save' }),
  );
  const fields = [
    { name: 'wellbeing_officer', aliases: ['officer'] },
    { name: 'checkin_date', aliases: ['checkin_date', 'date', 'future'] },
  ];
  fresh.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const officer = readField(fresh, 'wellbeing_officer');
    const date = readDate(fresh, 'checkin_date');
    if (!officer) errors.push({ field: 'wellbeing_officer', message: 'Choose the officer' });
    if (date === '') errors.push({ field: 'checkin_date', message: 'Enter the date of the check-in' });
    else if (date === null) errors.push({ field: 'checkin_date', message: 'The date must be a real date, for example 27 3 2025' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const save = byId('wellbeing-save');
    save.disabled = true;
    try {
      await api('/wellbeing-checkins', { method: 'POST', body: { officer_ref: officer, checkin_date: date } });
      clearErrors(container);
      banner(`Well-being check-in on ${date} recorded for ${officer}.`);
      await loadWellbeing();
    } catch (error) {
      showErrors(container, refusal(error, fieldForMessage(error.message, fields)));
    } finally {
      save.disabled = false;
    }
  });
}

// --- Course catalogue ---------------------------------------------------------------------------

function roleNames(codes) {
  return (codes || []).map((code) => (OFFICER_ROLES.find(([value]) => value === code) || [code, code])[1]).join(', ') || 'Nobody';
}

// A course's settings and who changed it last, as the catalogue and a course's history show them.
const COURSE_SETTING_COLUMNS = [
  { label: 'Course', value: (c) => text(c.label) },
  { label: 'Required of', value: (c) => roleNames(c.required_for) },
  { label: 'Due within (days of joining)', value: (c) => text(c.due_within_days), numeric: true },
  { label: 'Required by', value: (c) => text(c.required_by), nowrap: true },
  { label: 'Valid for (months)', value: (c) => (c.renewal_months ? String(c.renewal_months) : 'Never lapses'), numeric: true },
  { label: 'State', value: (c) => (c.active ? tag('Active', 'green') : tag('Retired', 'grey')) },
];
const CHANGED_COLUMN = { label: 'Changed', value: (c) => `${when(c.changed_at)}${c.changed_by ? ` by ${c.changed_by}` : ''}` };

// The version of a course; from version 2 on, a button that lists every version below the table.
function versionCell(course) {
  if (!(course.version > 1)) return text(course.version);
  const control = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary rasso-button--small', 'data-module': 'govuk-button', dataset: { course: course.code } },
    `${course.version}: history`,
    h('span', { class: 'govuk-visually-hidden' }, ` of ${course.code}`),
  );
  control.addEventListener('click', () => showCourseHistory(course.code));
  return control;
}

async function showCourseHistory(code) {
  const holder = byId('course-history');
  holder.hidden = false;
  replaceChildren(holder, loading(`Loading every version of ${code}…`));
  try {
    const body = await api(`/training/courses/${encodeURIComponent(code)}/history`);
    const versions = [...(body.items || [])].reverse();
    replaceChildren(
      holder,
      h('h3', { class: 'govuk-heading-s', id: 'course-history-heading', tabindex: '-1' }, `Every version of ${code}, newest first`),
      table({
        caption: `${versions.length} versions`,
        captionClass: 'govuk-table__caption--s',
        id: 'course-history-table',
        rows: versions.map((version) => ({ ...version, __key: `${version.code}-${version.version}` })),
        columns: [
          { label: 'Version', value: (c) => text(c.version), numeric: true },
          ...COURSE_SETTING_COLUMNS,
          CHANGED_COLUMN,
        ],
      }),
    );
    byId('course-history-heading').focus();
  } catch (error) {
    replaceChildren(holder, apiFailure(`The history of ${code} could not be loaded`, error));
  }
}

async function loadCourses(canChange) {
  replaceChildren(byId('courses-list'), loading('Loading the course catalogue…'));
  try {
    const body = await api('/training/courses');
    const courses = body.items || [];
    replaceChildren(
      byId('courses-list'),
      table({
        caption: `${courses.length} courses`,
        captionClass: 'govuk-table__caption--s',
        id: 'courses-table',
        rows: courses.map((course) => ({ ...course, __key: course.code })),
        empty: 'The catalogue is empty.',
        columns: [
          { label: 'Code', value: (c) => text(c.code) },
          ...COURSE_SETTING_COLUMNS,
          { label: 'Version', value: (c) => versionCell(c), numeric: true },
          CHANGED_COLUMN,
        ],
      }),
    );
    if (canChange) courseForm(courses);
  } catch (error) {
    replaceChildren(byId('courses-list'), apiFailure('The course catalogue could not be loaded', error));
  }
}

function courseForm(courses) {
  byId('course-form-section').hidden = false;
  const form = byId('course-form');
  const container = byId('course-form-container');
  const fresh = form.cloneNode(false);
  form.replaceWith(fresh);
  replaceChildren(
    fresh,
    selectField({ name: 'course_code', label: 'Course', options: [...courses.map((c) => [c.code, `${c.code}: ${c.label}`]), ['__new', 'Add a new course']] }),
    textField({ name: 'new_course_code', label: 'Code of the new course (only when adding one)', hint: 'Upper-case letters, digits and _, for example RASSO_INDUCTION. Add it to course.csv too before completions can be imported.', widthClass: 'govuk-input--width-20', spellcheck: false }),
    textField({ name: 'course_label', label: 'Course name', widthClass: 'govuk-input--width-30' }),
    checkboxes({ name: 'course_required_for', legend: 'Required of', hint: 'The officer roles that must hold it', options: OFFICER_ROLES }),
    textField({ name: 'course_due_within_days', label: 'Due within how many days of joining the unit', widthClass: 'govuk-input--width-4', hint: 'A whole number, 0 to 3650' }),
    dateField({ name: 'course_required_by', legend: 'Staff already in post must hold it by (optional)', hint: `${DATE_HINT}. Leave empty for no fixed date.` }),
    textField({ name: 'course_renewal_months', label: 'Months a completion stays valid', widthClass: 'govuk-input--width-4', hint: '0 = never lapses' }),
    radios({ name: 'course_active', legend: 'Is the course required?', options: [['true', 'Yes, active'], ['false', 'No, retired (required of nobody, kept in the catalogue)']], small: true }),
    button('Save course', { id: 'course-save' }),
  );
  const fill = () => {
    const code = readField(fresh, 'course_code');
    const course = courses.find((c) => c.code === code);
    fresh.elements.new_course_code.value = '';
    fresh.elements.course_label.value = course ? course.label : '';
    for (const box of fresh.querySelectorAll('input[name="course_required_for"]')) box.checked = Boolean(course && (course.required_for || []).includes(box.value));
    fresh.elements.course_due_within_days.value = course ? String(course.due_within_days) : '90';
    if (course && course.required_by) writeDate(fresh, 'course_required_by', course.required_by);
    else for (const part of ['day', 'month', 'year']) fresh.elements[`course_required_by-${part}`].value = '';
    fresh.elements.course_renewal_months.value = course ? String(course.renewal_months) : '0';
    for (const radio of fresh.querySelectorAll('input[name="course_active"]')) radio.checked = radio.value === String(course ? course.active : true);
  };
  fresh.elements.course_code.addEventListener('change', fill);
  fill();
  const fields = [
    { name: 'new_course_code', aliases: ['course code'] },
    { name: 'course_label', aliases: ['label'] },
    { name: 'course_required_for', aliases: ['required_for', 'role'] },
    { name: 'course_due_within_days', aliases: ['due_within_days', 'due-within-days'] },
    { name: 'course_required_by', aliases: ['required_by'] },
    { name: 'course_renewal_months', aliases: ['renewal_months', 'renewal-months'] },
    { name: 'course_active', aliases: ['active'] },
  ];
  fresh.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const selected = readField(fresh, 'course_code');
    const code = selected === '__new' ? readField(fresh, 'new_course_code').toUpperCase() : selected;
    if (!code) errors.push({ field: 'new_course_code', message: 'Enter the code of the new course' });
    const label = readField(fresh, 'course_label');
    if (!label) errors.push({ field: 'course_label', message: 'Enter the course name' });
    const wholeNumber = (name, message) => {
      const value = readField(fresh, name);
      if (!/^\d+$/.test(value)) {
        errors.push({ field: name, message });
        return undefined;
      }
      return Number(value);
    };
    const due = wholeNumber('course_due_within_days', 'Enter the days within which it is due as a whole number, for example 90');
    const renewal = wholeNumber('course_renewal_months', 'Enter the months a completion stays valid as a whole number (0 = never lapses)');
    const requiredBy = readDate(fresh, 'course_required_by');
    if (requiredBy === null) errors.push({ field: 'course_required_by', message: 'The date must be a real date, for example 31 1 2025' });
    const active = readField(fresh, 'course_active');
    if (!active) errors.push({ field: 'course_active', message: 'Say whether the course is required' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const body = {
      label,
      required_for: readField(fresh, 'course_required_for'),
      due_within_days: due,
      required_by: requiredBy || '',
      renewal_months: renewal,
      active: active === 'true',
    };
    const save = byId('course-save');
    save.disabled = true;
    try {
      const answer = await api(`/training/courses/${encodeURIComponent(code)}`, { method: 'POST', body });
      const version = answer && answer.course ? answer.course.version : '';
      clearErrors(container);
      banner(`Course ${code} saved${version ? ` (version ${version})` : ''}. Compliance and the worklist now use it.`);
      await reloadAll();
    } catch (error) {
      showErrors(container, refusal(error, fieldForMessage(error.message, fields)));
    } finally {
      save.disabled = false;
    }
  });
}

// --- The page -----------------------------------------------------------------------------------

let currentSession = null;

async function reloadAll() {
  const session = currentSession;
  const jobs = [];
  if (may(session, 'trainingCompliance')) jobs.push(loadCompliance());
  if (may(session, 'trainingWorklist')) jobs.push(loadWorklist(true, true));
  if (may(session, 'caseloads')) jobs.push(loadCaseloads());
  if (may(session, 'wellbeing')) jobs.push(loadWellbeing());
  if (may(session, 'courses')) jobs.push(loadCourses(may(session, 'courseChange')));
  await Promise.all(jobs);
}

async function start() {
  const session = await startPage({ role: TRAINING_PAGE_ROLES });
  if (!session) return;
  currentSession = session;
  byId('training-as-of').value = asOf;
  byId('training-unit').value = unitFilter;
  if (may(session, 'trainingCompliance')) {
    showSection('compliance');
    showSection('accreditation');
  }
  if (may(session, 'trainingWorklist')) {
    showSection('missing');
    showSection('expiring');
  }
  if (may(session, 'caseloads')) showSection('caseloads');
  if (may(session, 'wellbeing')) showSection('wellbeing');
  if (may(session, 'courses')) showSection('courses');
  await reloadAll();
}

start();
