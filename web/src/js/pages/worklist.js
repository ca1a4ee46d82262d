// A safeguarding worklist as an MoJ sortable table beside the MoJ filter (unit, officer, as-of
// date, overdue only), each item with the action that clears it. After an action the page comes
// back here with ?recorded=..., says what was recorded, and reloads the list (the item is gone).
import { listAll } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, crimeLink, loading, notificationBanner, personName, table, tag } from '../components.js';
import { startPage } from '../layout.js';
import { WORKLISTS } from '../worklist-kinds.js';

const params = new URLSearchParams(window.location.search);
const kind = WORKLISTS[params.get('kind')] ? params.get('kind') : 'bail';
const worklist = WORKLISTS[kind];
const FILTERS = [
  ['unit', 'Unit'],
  ['officer', 'Officer'],
  ['as_of', 'As of'],
  ['overdue', 'Overdue only'],
];

/** 'bail_lapsed' -> 'Bail lapsed'. */
function humanise(code) {
  const words = String(code || '').replaceAll('_', ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '—';
}

function filterQuery(overrides = {}) {
  const query = new URLSearchParams({ kind });
  for (const [name] of FILTERS) {
    const value = name in overrides ? overrides[name] : params.get(name);
    if (value) query.set(name, value);
  }
  return query;
}

function showFilters() {
  byId('filter-kind').value = kind;
  byId('filter-unit').value = params.get('unit') || '';
  byId('filter-officer').value = params.get('officer') || '';
  byId('filter-as-of').value = params.get('as_of') || '';
  byId('filter-overdue').checked = params.get('overdue') === '1';
  const active = FILTERS.filter(([name]) => params.get(name));
  byId('worklist-selected-filters').hidden = active.length === 0;
  byId('worklist-clear-filters').setAttribute('href', `/worklist.html?kind=${encodeURIComponent(kind)}`);
  replaceChildren(
    byId('worklist-filter-tags'),
    active.map(([name, label]) =>
      h(
        'li',
        {},
        h('a', { class: 'moj-filter__tag', href: `/worklist.html?${filterQuery({ [name]: '' })}` }, h('span', { class: 'govuk-visually-hidden' }, 'Remove this filter '), name === 'overdue' ? label : `${label}: ${params.get(name)}`),
      ),
    ),
  );
  for (const link of document.querySelectorAll('#worklist-kinds a[data-kind]')) {
    const query = filterQuery();
    query.set('kind', link.dataset.kind);
    link.setAttribute('href', `/worklist.html?${query}`);
    if (link.dataset.kind === kind) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function ownerText(item) {
  const owner = item.owner;
  if (!owner) return [item.officer_ref, item.unit_ref].filter(Boolean).join(', ') || '—';
  if (typeof owner === 'string') return owner;
  return [owner.display_name || owner.officer_ref || owner.officer, owner.unit_ref || owner.unit].filter(Boolean).join(', ') || '—';
}

function subjectRef(item) {
  return item.subject_ref || item.record_ref || '';
}

function actionLink(item) {
  const action = worklist.action;
  if (!action || !action.appliesTo(item)) return '—';
  const query = new URLSearchParams({
    action: action.id,
    kind,
    ref: subjectRef(item),
    crime_ref: item.crime_ref || '',
    person_ref: item.person_ref || '',
    item: item.item_id || '',
    return: `/worklist.html?${filterQuery()}`,
  });
  return h('a', { class: 'govuk-link', href: `/record.html?${query}` }, action.label, h('span', { class: 'govuk-visually-hidden' }, ` for ${subjectRef(item)}`));
}

function overdueCell(item) {
  const days = Number(item.days_overdue);
  if (Number.isNaN(days)) return '—';
  if (days > 0) return tag(`${days} ${days === 1 ? 'day' : 'days'} overdue`, 'red');
  if (days === 0) return tag('Due today', 'orange');
  return `${-days} ${days === -1 ? 'day' : 'days'} left`;
}

function render(items, total, asOf) {
  const overdueOnly = params.get('overdue') === '1';
  const shown = overdueOnly ? items.filter((item) => Number(item.days_overdue) > 0) : items;
  const summary = byId('worklist-summary');
  if (asOf) summary.dataset.asOf = asOf;
  replaceChildren(
    summary,
    `${shown.length} ${shown.length === 1 ? 'item' : 'items'}${overdueOnly ? ' overdue' : ''}${total > items.length ? ` (the first ${items.length} of ${total})` : ''}`,
    asOf ? `, as of ${asOf}.` : '.',
  );
  replaceChildren(
    byId('worklist-results'),
    table({
      caption: worklist.title,
      id: 'worklist-table',
      sortable: true,
      empty: 'Nothing on this worklist: no item matches the filters.',
      rows: shown.map((item) => ({ ...item, __key: item.item_id || subjectRef(item) })),
      columns: [
        { label: 'Due', value: (item) => text(item.due_date), sortValue: (item) => item.due_date || '', nowrap: true },
        { label: 'Overdue', value: overdueCell, sortValue: (item) => Number(item.days_overdue) || 0, numeric: true },
        { label: 'What needs doing', value: (item) => h('span', {}, h('strong', {}, humanise(item.kind)), h('br'), text(item.reason)) },
        { label: 'Record', value: (item) => text(subjectRef(item)) },
        { label: 'Person', value: (item) => (item.display_name || item.resolved_id ? personName(item) : text(item.person_ref)), sortValue: (item) => item.display_name || item.person_ref || '' },
        { label: 'Crime', value: (item) => crimeLink(item.crime_ref), sortValue: (item) => item.crime_ref || '' },
        { label: 'Owner', value: ownerText },
        { label: 'Action', value: actionLink, sortable: false },
      ],
    }),
  );
}

async function start() {
  await startPage();
  byId('worklist-heading').textContent = `Worklist: ${worklist.title}`;
  document.title = `${worklist.title} – RASSO Workbench`;
  byId('worklist-description').textContent = worklist.description;
  showFilters();
  const recorded = params.get('recorded');
  if (recorded) replaceChildren(byId('worklist-banner'), notificationBanner(`${recorded}. The item has left the worklist.`, { success: true }));
  replaceChildren(byId('worklist-results'), loading('Loading the worklist…'));
  try {
    const { items, total, first } = await listAll(`/worklists/${kind}`, { as_of: params.get('as_of'), unit: params.get('unit'), officer: params.get('officer') }, 2000);
    render(items, total, (first && first.as_of) || params.get('as_of'));
  } catch (error) {
    const what = error.status === 404 && kind === 'training' ? 'The training worklist is not available on this server yet' : 'The worklist could not be loaded';
    replaceChildren(byId('worklist-summary'));
    replaceChildren(byId('worklist-results'), apiFailure(what, error));
  }
}

start();
