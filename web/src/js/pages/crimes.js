// Crime search: by reference prefix, offence group, outcome, unit and reported dates, a page of
// 50 at a time (most recently reported first), each crime linking to its page.
import { api } from '../api.js';
import { byId, replaceChildren, text } from '../dom.js';
import { apiFailure, crimeLink, loading, table } from '../components.js';
import { startPage } from '../layout.js';

const params = new URLSearchParams(window.location.search);
const FILTERS = ['q', 'offence_group', 'outcome', 'unit', 'from', 'to'];
const PAGE_SIZE = 50;

function pageLink(page) {
  const query = new URLSearchParams(params);
  query.set('page', String(page));
  return `/crimes.html?${query}`;
}

async function start() {
  await startPage();
  for (const name of FILTERS) byId(name).value = params.get(name) || '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  replaceChildren(byId('crimes-results'), loading('Searching…'));
  const query = { page, page_size: PAGE_SIZE };
  for (const name of FILTERS) query[name] = params.get(name) || '';
  try {
    const body = await api('/crimes', { query });
    const items = body.items || [];
    const total = body.total ?? items.length;
    const first = (page - 1) * PAGE_SIZE + 1;
    replaceChildren(byId('crimes-summary'), total ? `Crimes ${first} to ${first + items.length - 1} of ${total}.` : 'No crimes match.');
    replaceChildren(
      byId('crimes-results'),
      table({
        caption: 'Crimes, most recently reported first',
        id: 'crimes-table',
        sortable: true,
        rows: items,
        empty: 'No crimes match the search.',
        columns: [
          { label: 'Crime', value: (c) => crimeLink(c.crime_ref), sortValue: (c) => c.crime_ref },
          { label: 'Offence', value: (c) => `${text(c.offence_label)} (${text(c.offence_code)})` },
          { label: 'Group', value: (c) => text(c.offence_group) },
          { label: 'Reported', value: (c) => text(c.reported_date), sortValue: (c) => c.reported_date || '' },
          { label: 'Outcome', value: (c) => text(c.outcome_code), numeric: true, sortValue: (c) => c.outcome_code ?? '' },
          { label: 'Unit', value: (c) => text(c.unit_ref) },
          { label: 'Officer', value: (c) => text(c.officer_ref) },
        ],
      }),
    );
    const hasPrev = page > 1;
    const hasNext = page * PAGE_SIZE < total;
    byId('crimes-pagination').hidden = !hasPrev && !hasNext;
    byId('crimes-prev').hidden = !hasPrev;
    byId('crimes-next').hidden = !hasNext;
    byId('crimes-prev-link').setAttribute('href', pageLink(page - 1));
    byId('crimes-next-link').setAttribute('href', pageLink(page + 1));
  } catch (error) {
    replaceChildren(byId('crimes-summary'));
    replaceChildren(byId('crimes-results'), apiFailure('The crimes could not be loaded', error));
  }
}

start();
