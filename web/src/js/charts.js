// Apache ECharts with its accessibility options on (an aria description of the data and decal
// patterns, so series differ by more than colour), always drawn beside a table of exactly the
// same numbers: the table is the accessible, copyable form of the chart, and suppressed values
// ("<5") appear in the table and as gaps in the chart, never as invented numbers.
import * as echarts from '/assets/vendor/echarts.esm.min.js';
import { h, uniqueId } from './dom.js';
import { table } from './components.js';

const PALETTE = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#28a197', '#912b88', '#505a5f'];
const charts = new Set();

window.addEventListener('resize', () => {
  for (const chart of charts) chart.resize();
});

/** A number for the chart: null when suppressed or missing (a gap, never a guess). */
export function chartValue(value, suppressed) {
  if (suppressed || value === null || value === undefined || Number.isNaN(Number(value))) return null;
  return Number(value);
}

/** The text for a value: the server's display text ("<5" when suppressed), else the number. */
export function displayValue(value, display, suppressed) {
  if (display !== undefined && display !== null && display !== '') return String(display);
  if (suppressed) return '<5';
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : String(value);
}

/**
 * Draws a chart with its paired table into `container` (replacing its content).
 * spec: {title, kind: 'line'|'bar'|'barh', categoryLabel, categories: [string],
 *        series: [{name, points: [{value, display, suppressed}]}], valueLabel, table}.
 * Optional: valueMax (the value axis ends there, e.g. 100 for percentages), integer (counts:
 * whole-number ticks only), labelWidth (pixels for a category label before it is cut short,
 * default 100), topDown (horizontal bars in the order of the categories, first at the top, as
 * in the table).
 * `table`, when given, is a table the caller built that holds the same numbers (and more
 * columns); otherwise a table of categories by series is made. Returns the ECharts instance.
 */
export function chartWithTable(container, spec) {
  const chartId = uniqueId('chart');
  // Horizontal bars get a height for their number of rows (a class: no inline styles).
  const size = spec.kind !== 'barh' ? '' : spec.categories.length <= 4 ? ' rasso-chart--short' : spec.categories.length > 10 ? ' rasso-chart--tall' : '';
  const chartElement = h('div', { class: `rasso-chart${size}`, id: chartId, role: 'img', 'aria-label': spec.title });
  const tableElement = spec.table || table({
    caption: `${spec.title}: the numbers in the chart`,
    captionClass: 'govuk-table__caption--s',
    columns: [
      { label: spec.categoryLabel, value: (row) => row.category },
      ...spec.series.map((series, index) => ({
        label: series.name,
        numeric: true,
        value: (row) => displayValue(row.points[index].value, row.points[index].display, row.points[index].suppressed),
      })),
    ],
    rows: spec.categories.map((category, row) => ({ category, points: spec.series.map((series) => series.points[row] || {}) })),
    empty: 'No data for this chart.',
  });
  const anySuppressed = spec.series.some((series) => series.points.some((point) => point.suppressed));
  container.replaceChildren(
    h(
      'figure',
      { class: 'rasso-figure' },
      h('figcaption', { class: 'govuk-heading-s' }, spec.title),
      chartElement,
      anySuppressed ? h('p', { class: 'govuk-body-s rasso-secondary' }, 'Values shown as “<5” are suppressed: the chart leaves them out.') : null,
      h('div', { class: 'rasso-chart-table' }, tableElement),
    ),
  );

  const horizontal = spec.kind === 'barh';
  const labelWidth = spec.labelWidth || 100;
  const categoryAxis = { type: 'category', data: spec.categories, name: spec.categoryLabel, nameLocation: 'middle', nameGap: horizontal ? labelWidth + 10 : 30, axisLabel: { width: labelWidth, overflow: 'truncate' }, inverse: Boolean(horizontal && spec.topDown) };
  const valueAxis = { type: 'value', name: spec.valueLabel || '', nameLocation: 'end', max: spec.valueMax, minInterval: spec.integer ? 1 : undefined };
  const chart = echarts.init(chartElement, null, { renderer: 'svg' });
  chart.setOption({
    aria: { enabled: true, decal: { show: true } },
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', color: '#0b0c0c' },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontal ? labelWidth + 30 : 60, right: 24, top: spec.series.length > 1 ? 36 : 24, bottom: 48, containLabel: false },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series) => ({
      name: series.name,
      type: spec.kind === 'line' ? 'line' : 'bar',
      data: series.points.map((point) => chartValue(point.value, point.suppressed)),
      connectNulls: false,
      symbolSize: 7,
    })),
  });
  charts.add(chart);
  return chart;
}
