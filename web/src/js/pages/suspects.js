// The repeat-suspect list: rank, score (and its parts), reasons, current measures and, on
// request, cold cases; each person links to the person page with the evidence.
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, bulletList, crimeLink, loading, personName, table, tag } from '../components.js';
import { startPage } from '../layout.js';

const params = new URLSearchParams(window.location.search);

function measures(suspect) {
  const list = suspect.current_measures || [];
  if (!list.length) return tag('No order or bail', 'orange');
  return h('span', { class: 'rasso-tags' }, list.map((measure) => [tag(String(measure), 'blue'), ' ']));
}

function coldCases(suspect) {
  const cold = (suspect.crimes || []).filter((crime) => crime.cold_case);
  if (!cold.length) return '—';
  return bulletList(cold.map((crime) => h('span', {}, crimeLink(crime.crime_ref), ` ${crime.offence_label || crime.offence_code || ''}, ${text(crime.reported_date)}`)));
}

function scoreParts(suspect) {
  return h(
    'span',
    {},
    h('strong', {}, Number(suspect.score).toLocaleString('en-GB', { maximumFractionDigits: 1 })),
    h('br'),
    h('span', { class: 'govuk-body-s rasso-secondary' }, `R ${text(suspect.recency_points)} · F ${text(suspect.frequency)} · G ${text(suspect.gravity_years)} yrs · V ${text(suspect.distinct_victims)}`),
  );
}

async function start() {
  await startPage();
  const query = { as_of: params.get('as_of') || '', top: params.get('top') || '50', cold_cases: params.get('cold_cases') === 'true' ? 'true' : '' };
  byId('as_of').value = query.as_of;
  byId('top').value = query.top;
  byId('cold_cases').checked = query.cold_cases === 'true';
  replaceChildren(byId('suspects-results'), loading('Ranking the repeat suspects…'));
  try {
    const body = await api('/suspects', { query: { ...query, page_size: 500 } });
    const items = body.items || [];
    replaceChildren(byId('suspects-summary'), `${items.length} of ${body.total ?? items.length} repeat suspects.`);
    const columns = [
      { label: 'Rank', value: (s) => text(s.rank), numeric: true, sortValue: (s) => s.rank },
      { label: 'Person', value: (s) => personName(s), sortValue: (s) => s.display_name || '' },
      { label: 'Score', value: scoreParts, numeric: true, sortValue: (s) => s.score },
      { label: 'Crimes', value: (s) => text((s.crimes || []).length || s.frequency), numeric: true, sortValue: (s) => (s.crimes || []).length || s.frequency || 0 },
      { label: 'Latest crime', value: (s) => crimeLink(s.latest_crime), sortValue: (s) => s.latest_crime || '' },
      { label: 'Why ranked', value: (s) => bulletList(s.reasons || []), sortable: false },
      { label: 'Current measures', value: measures, sortValue: (s) => (s.current_measures || []).length },
    ];
    if (query.cold_cases) columns.push({ label: 'Cold cases', value: coldCases, sortValue: (s) => (s.crimes || []).filter((c) => c.cold_case).length });
    replaceChildren(
      byId('suspects-results'),
      table({ caption: 'Repeat suspects, highest rank first', id: 'suspects-table', sortable: true, rows: items.map((s) => ({ ...s, __key: String(s.resolved_id) })), columns, empty: 'No repeat suspects in your scope.' }),
    );
  } catch (error) {
    replaceChildren(byId('suspects-results'), apiFailure('The repeat suspects could not be loaded', error));
  }
}

start();
