// Audit-log search (administrators only): by user, subject and action, oldest first, a page at a
// time (the server's next_after_id gives the next page).
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, table } from '../components.js';
import { startPage } from '../layout.js';

const params = new URLSearchParams(window.location.search);
const FILTERS = ['actor', 'subject_id', 'action', 'limit'];

function details(value) {
  if (value === null || value === undefined || value === '') return '—';
  const textValue = typeof value === 'string' ? value : JSON.stringify(value);
  return h('code', { class: 'rasso-code' }, textValue.length > 300 ? `${textValue.slice(0, 300)}…` : textValue);
}

async function start() {
  const session = await startPage({ role: 'administrator' });
  if (!session) return;
  for (const name of FILTERS) if (params.get(name)) byId(name).value = params.get(name);
  replaceChildren(byId('audit-results'), loading('Searching the audit log…'));
  const query = { after_id: params.get('after_id') || '' };
  for (const name of FILTERS) query[name] = params.get(name) || (name === 'limit' ? '100' : '');
  try {
    const body = await api('/audit', { query });
    const items = body.items || [];
    replaceChildren(byId('audit-summary'), `${items.length} events${params.get('after_id') ? ` after event ${params.get('after_id')}` : ''}.`);
    replaceChildren(
      byId('audit-results'),
      table({
        caption: 'Audit events',
        id: 'audit-table',
        rows: items,
        empty: 'No events match.',
        columns: [
          { label: 'Event', value: (e) => text(e.id), numeric: true },
          { label: 'When', value: (e) => text(e.at) },
          { label: 'User', value: (e) => text(e.actor) },
          { label: 'Action', value: (e) => text(e.action) },
          { label: 'Processing', value: (e) => text(e.processing) },
          { label: 'Subject', value: (e) => `${text(e.subject_type)} ${text(e.subject_id)}` },
          { label: 'Purpose', value: (e) => text(e.purpose) },
          { label: 'Details', value: (e) => details(e.details) },
        ],
      }),
    );
    const next = body.next_after_id;
    byId('audit-more').hidden = !next || !items.length;
    if (next) {
      const nextQuery = new URLSearchParams(params);
      nextQuery.set('after_id', String(next));
      byId('audit-more-link').setAttribute('href', `/audit.html?${nextQuery}`);
    }
  } catch (error) {
    replaceChildren(byId('audit-results'), apiFailure('The audit log could not be searched', error));
  }
}

start();
