// The flight deck: KPI cards with the change on the previous period, a trend chart and a
// breakdown chart for one measure (each with its table of the same numbers), a period picker
// and a breakdown picker. Suppressed numbers show as "<5". When the KPI service is not there,
// the page says so instead of showing anything made up.
import { api, ApiError } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, table, warning } from '../components.js';
import { chartWithTable, displayValue } from '../charts.js';
import { startPage } from '../layout.js';
import { parsePeriod, periodBounds, periodLabel, periodName, recentPeriods, shiftPeriod } from '../periods.js';

const params = new URLSearchParams(window.location.search);
const BREAKDOWN_LABELS = { unit: 'Unit', offence_group: 'Offence group', victim_sex: "Victim's sex", victim_age_band: "Victim's age band", victim_ethnicity: "Victim's ethnicity", victim_disability: "Victim's disability" };

function fillPeriodPicker(current) {
  const select = byId('period');
  const anchor = periodBounds(current).to;
  const choices = recentPeriods(anchor);
  const groups = [
    ['Quarters', choices.quarter],
    ['Months', choices.month],
    ['Years', choices.year],
  ];
  const currentName = periodName(current);
  replaceChildren(
    select,
    groups.map(([label, periods]) => h('optgroup', { label }, periods.map((period) => h('option', { value: periodName(period), selected: periodName(period) === currentName }, periodLabel(period))))),
  );
}

function formatChange(measure) {
  if (measure.suppressed || measure.previous_suppressed || measure.change === null || measure.change === undefined) {
    return measure.previous_value === null || measure.previous_value === undefined ? 'No comparison for the previous period' : 'Change not shown (small numbers)';
  }
  const change = Number(measure.change);
  const size = Math.abs(change).toLocaleString('en-GB', { maximumFractionDigits: 2 });
  const unit = measure.unit === 'rate' ? ' points' : measure.unit === 'days' ? ' days' : '';
  if (change === 0) return 'No change on the previous period';
  return `${change > 0 ? 'Up' : 'Down'} ${size}${unit} on the previous period`;
}

function card(measure, previousPeriod, selected) {
  const previous = displayValue(measure.previous_value, measure.previous_display, measure.previous_suppressed);
  return h(
    'div',
    { class: `rasso-card${selected ? ' rasso-card--selected' : ''}`, dataset: { measure: measure.id } },
    h('h3', { class: 'govuk-heading-s rasso-card__title' }, measure.name || measure.id),
    h('p', { class: 'rasso-card__value' }, displayValue(measure.value, measure.display, measure.suppressed), measure.unit === 'days' ? h('span', { class: 'rasso-card__unit' }, ' days') : null),
    h('p', { class: 'govuk-body-s rasso-card__change' }, formatChange(measure)),
    h('p', { class: 'govuk-body-s rasso-card__previous' }, `Previous period${previousPeriod ? ` (${previousPeriod})` : ''}: ${previous}`),
    h('a', { class: 'govuk-link govuk-body-s', href: `/index.html?${new URLSearchParams({ period: params.get('period') || '', by: params.get('by') || 'unit', measure: measure.id })}` }, h('span', {}, 'Chart this'), h('span', { class: 'govuk-visually-hidden' }, ` measure: ${measure.name || measure.id}`)),
  );
}

function dimensionLabel(dimension) {
  if (dimension === null || dimension === undefined) return '—';
  if (typeof dimension !== 'object') return String(dimension);
  return Object.values(dimension).map(String).join(' / ') || '—';
}

function drawBreakdown(measure, by) {
  const container = byId('kpi-breakdown');
  const rows = measure.breakdown || [];
  if (!rows.length) {
    replaceChildren(container, h('p', { class: 'govuk-body' }, `No breakdown by ${BREAKDOWN_LABELS[by] || by} for this measure.`));
    return;
  }
  chartWithTable(container, {
    title: `${measure.name || measure.id} by ${(BREAKDOWN_LABELS[by] || by).toLowerCase()}`,
    kind: 'barh',
    categoryLabel: BREAKDOWN_LABELS[by] || by,
    categories: rows.map((row) => dimensionLabel(row.dimension)),
    series: [{ name: measure.name || measure.id, points: rows.map((row) => ({ value: row.value, display: row.display, suppressed: row.suppressed })) }],
  });
}

async function drawTrend(measure, period) {
  const container = byId('kpi-trend');
  replaceChildren(container, loading());
  const first = shiftPeriod(period, -7);
  try {
    const series = await api('/kpis/series', {
      query: { measure: measure.id, granularity: period.kind, from: periodBounds(first).from, to: periodBounds(period).to },
    });
    const points = (series && series.points) || [];
    chartWithTable(container, {
      title: `${measure.name || measure.id}, ${period.kind} by ${period.kind}`,
      kind: 'line',
      categoryLabel: 'Period',
      categories: points.map((point) => String(point.period)),
      series: [{ name: measure.name || measure.id, points: points.map((point) => ({ value: point.value, display: point.display, suppressed: point.suppressed ?? point.display === '<5' })) }],
    });
  } catch (error) {
    replaceChildren(container, apiFailure('The trend could not be loaded', error));
  }
}

function drawCompleteness(rows) {
  replaceChildren(
    byId('kpi-completeness'),
    table({
      caption: 'Fields recorded',
      captionClass: 'govuk-table__caption--s',
      id: 'kpi-completeness-table',
      rows: rows || [],
      empty: 'The KPI service did not say how complete its inputs were.',
      columns: [
        { label: 'Field', value: (row) => text(row.field) },
        { label: 'Recorded', value: (row) => text(row.recorded), numeric: true },
        { label: 'Records', value: (row) => text(row.total), numeric: true },
        { label: 'Complete', value: (row) => (typeof row.rate === 'number' ? `${(row.rate * 100).toFixed(1)}%` : '—'), numeric: true },
      ],
    }),
  );
}

function kpiUnavailable(error) {
  return error instanceof ApiError && (error.status === 404 || error.status === 501 || error.status === 503);
}

async function start() {
  await startPage();
  const by = params.get('by') || 'unit';
  byId('by').value = by;
  const status = byId('kpi-status');
  replaceChildren(byId('kpi-cards'), loading('Loading the measures…'));
  let kpis;
  try {
    kpis = await api('/kpis', { query: { period: params.get('period') || '', by } });
  } catch (error) {
    replaceChildren(byId('kpi-cards'));
    if (kpiUnavailable(error)) {
      replaceChildren(status, warning(`The flight-deck measures are not available on this server yet: the KPI service did not answer (${error.message}). No figures are shown rather than made-up ones.`));
    } else {
      replaceChildren(status, apiFailure('The measures could not be loaded', error));
    }
    return;
  }
  const period = parsePeriod(kpis.period) || parsePeriod(params.get('period')) || parsePeriod(String(new Date().getUTCFullYear()));
  fillPeriodPicker(period);
  const measures = kpis.measures || [];
  const selectedId = params.get('measure') && measures.some((m) => m.id === params.get('measure')) ? params.get('measure') : measures[0] && measures[0].id;
  replaceChildren(byId('measure'), measures.map((measure) => h('option', { value: measure.id, selected: measure.id === selectedId }, measure.name || measure.id)));
  replaceChildren(status, h('p', { class: 'govuk-body' }, `Showing ${periodLabel(period)}${kpis.previous_period ? `, compared with ${kpis.previous_period}` : ''}${kpis.as_of ? `, with data as of ${kpis.as_of}` : ''}.`));
  if (!measures.length) {
    replaceChildren(byId('kpi-cards'), h('p', { class: 'govuk-body' }, 'The KPI service returned no measures for this period.'));
    return;
  }
  replaceChildren(byId('kpi-cards'), measures.map((measure) => card(measure, kpis.previous_period, measure.id === selectedId)));
  drawCompleteness(kpis.completeness);
  const selected = measures.find((measure) => measure.id === selectedId);
  drawBreakdown(selected, by);
  await drawTrend(selected, period);
}

start();
