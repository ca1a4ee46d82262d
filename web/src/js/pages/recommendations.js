// The recommendations tracker: every inspection recommendation with its executive lead, due date,
// status, actions (open and overdue) and evidence, filtered by status, "for forces" and overdue.
// Supervisors and administrators change a recommendation on its own page; analysts and scrutiny
// staff read only.
import { listAll } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, table, tag } from '../components.js';
import { startPage } from '../layout.js';
import { GOVERNANCE_ROLES, inset, isOverdue, may, statusTag, todayIso } from '../governance.js';

const params = new URLSearchParams(window.location.search);
const status = params.get('status') || '';
const overdueOnly = params.get('overdue') === '1';
const forForces = params.get('for_forces') === 'true';

function actionsCell(rec) {
  if (!rec.actions) return 'None';
  const parts = [`${rec.actions} (${rec.open_actions} open)`];
  return h('span', {}, parts, Number(rec.overdue_actions) > 0 ? [' ', tag(`${rec.overdue_actions} overdue`, 'red')] : null);
}

function dueCell(rec, today) {
  if (!rec.due_date) return '—';
  const late = rec.status !== 'closed' && rec.due_date < today;
  return h('span', {}, rec.due_date, late ? [' ', tag('Past due', 'red')] : null);
}

async function start() {
  const session = await startPage({ role: GOVERNANCE_ROLES.recommendationsRead });
  if (!session) return;
  byId('filter-status').value = status;
  byId('filter-overdue').checked = overdueOnly;
  byId('filter-for-forces').checked = forForces;
  if (!may(session, 'recommendationsWrite')) {
    replaceChildren(byId('recommendations-role'), inset('You can read the tracker. Owners, actions, evidence and status changes are recorded by supervisors and administrators.'));
  }
  replaceChildren(byId('recommendations-list'), loading('Loading the recommendations…'));
  try {
    const { items, total } = await listAll('/recommendations', { status, for_forces: forForces ? 'true' : '' }, 2000);
    const today = todayIso();
    const shown = overdueOnly ? items.filter((rec) => isOverdue(rec, today)) : items;
    const filters = [status ? `status ${status.replaceAll('_', ' ')}` : '', forForces ? 'for forces' : '', overdueOnly ? 'overdue' : ''].filter(Boolean);
    replaceChildren(
      byId('recommendations-summary'),
      `${shown.length} ${shown.length === 1 ? 'recommendation' : 'recommendations'}${filters.length ? ` (${filters.join(', ')})` : ''}${total > items.length ? `, the first ${items.length} of ${total}` : ''}.`,
    );
    replaceChildren(
      byId('recommendations-list'),
      table({
        caption: 'Recommendations',
        id: 'recommendations-table',
        sortable: true,
        empty: total === 0 && !status && !forForces ? 'No recommendations are being tracked yet. An administrator loads them with “rasso recommendations import”.' : 'No recommendation matches the filters.',
        rows: shown.map((rec) => ({ ...rec, __key: rec.id })),
        columns: [
          { label: 'Recommendation', value: (rec) => h('a', { class: 'govuk-link', href: `/recommendation.html?id=${encodeURIComponent(rec.id)}` }, rec.id), sortValue: (rec) => rec.id, nowrap: true },
          { label: 'Summary', value: (rec) => h('span', {}, rec.area ? [h('strong', {}, rec.area), h('br')] : null, text(rec.summary)) },
          { label: 'Due', value: (rec) => dueCell(rec, today), sortValue: (rec) => rec.due_date || '9999', nowrap: true },
          { label: 'Owner', value: (rec) => text(rec.owner || 'Not set') },
          { label: 'Status', value: (rec) => statusTag(rec.status), sortValue: (rec) => rec.status },
          { label: 'Actions', value: actionsCell, sortValue: (rec) => Number(rec.open_actions) || 0 },
          { label: 'Evidence', value: (rec) => text(rec.evidence_items), numeric: true, sortValue: (rec) => Number(rec.evidence_items) || 0 },
          { label: 'For forces', value: (rec) => text(Boolean(rec.for_forces)) },
        ],
      }),
    );
  } catch (error) {
    replaceChildren(byId('recommendations-summary'));
    replaceChildren(byId('recommendations-list'), apiFailure('The recommendations could not be loaded', error));
  }
}

start();
