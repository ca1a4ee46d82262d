// GOV.UK and MoJ design-system components built with DOM APIs (see dom.js): tags, summary lists,
// tables, MoJ sortable tables, notification banners, error summaries, warnings and the person
// name with its "pseudonymised" tag.
import { SortableTable } from '/assets/vendor/moj-frontend.min.js';
import { h, text } from './dom.js';

/** A GOV.UK tag; colour is one of grey, green, turquoise, blue, light-blue, purple, pink, red, orange, yellow. */
export function tag(label, colour) {
  return h('strong', { class: `govuk-tag${colour ? ` govuk-tag--${colour}` : ''}` }, label);
}

/** A person's name as this user may see it, linked to the person page, with a "pseudonymised" tag. */
export function personName(person, { link = true } = {}) {
  const name = person.display_name || person.resolved_id || person.person_ref || 'Unknown person';
  const id = person.resolved_id;
  const label = link && id ? h('a', { class: 'govuk-link', href: `/person.html?id=${encodeURIComponent(id)}` }, name) : h('span', {}, name);
  return h('span', { class: 'rasso-person' }, label, person.pseudonymised ? [' ', tag('pseudonymised', 'grey')] : null);
}

/** A link to a crime page. */
export function crimeLink(crimeRef) {
  if (!crimeRef) return '—';
  return h('a', { class: 'govuk-link', href: `/crime.html?ref=${encodeURIComponent(crimeRef)}` }, crimeRef);
}

/** A GOV.UK summary list from [label, value] pairs (value: string or node). */
export function summaryList(rows) {
  return h(
    'dl',
    { class: 'govuk-summary-list' },
    rows.map(([label, value]) =>
      h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, label), h('dd', { class: 'govuk-summary-list__value' }, value instanceof Node ? value : text(value))),
    ),
  );
}

/**
 * A GOV.UK table. columns: [{label, value(row) -> string|number|node, numeric, nowrap,
 * sortValue(row), sortable}];
 * with `sortable`, it is an MoJ sortable table (headers become buttons). Empty rows give a
 * "nothing to show" paragraph instead.
 */
export function table({ caption, columns, rows, sortable = false, empty = 'Nothing to show.', captionClass = 'govuk-table__caption--m', id }) {
  if (!rows.length) return h('p', { class: 'govuk-body rasso-empty' }, empty);
  const head = h(
    'thead',
    { class: 'govuk-table__head' },
    h(
      'tr',
      { class: 'govuk-table__row' },
      columns.map((column) =>
        h('th', { scope: 'col', class: `govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`, 'aria-sort': sortable && column.sortable !== false ? 'none' : null }, column.label),
      ),
    ),
  );
  const body = h(
    'tbody',
    { class: 'govuk-table__body' },
    rows.map((row) =>
      h(
        'tr',
        { class: 'govuk-table__row', dataset: row.__key ? { key: row.__key } : undefined },
        columns.map((column) => {
          const value = column.value(row);
          const sortValue = column.sortValue ? column.sortValue(row) : null;
          return h(
            'td',
            {
              class: `govuk-table__cell${column.numeric ? ' govuk-table__cell--numeric' : ''}${column.nowrap ? ' rasso-nowrap' : ''}`,
              'data-sort-value': sortValue === null || sortValue === undefined ? null : String(sortValue),
            },
            value instanceof Node || Array.isArray(value) ? value : text(value),
          );
        }),
      ),
    ),
  );
  const element = h(
    'table',
    { class: 'govuk-table rasso-table', id, 'data-module': sortable ? 'moj-sortable-table' : null },
    caption ? h('caption', { class: `govuk-table__caption ${captionClass}` }, caption) : null,
    head,
    body,
  );
  if (!sortable) return element;
  // The MoJ component puts its live status region after the table, so the table needs a parent.
  const wrapper = h('div', { class: 'rasso-sortable' }, element);
  new SortableTable(element);
  return wrapper;
}

/** A GOV.UK notification banner (success or information). */
export function notificationBanner(message, { success = false, title } = {}) {
  const titleId = `banner-title-${Math.random().toString(36).slice(2, 8)}`;
  return h(
    'div',
    {
      class: `govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`,
      role: success ? 'alert' : 'region',
      'aria-labelledby': titleId,
      tabindex: '-1',
    },
    h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: titleId }, title || (success ? 'Success' : 'Important'))),
    h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, message)),
  );
}

/** A GOV.UK warning text (for failures that stop a page showing its data). */
export function warning(message) {
  return h(
    'div',
    { class: 'govuk-warning-text rasso-warning', role: 'alert' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), message),
  );
}

/** A warning for a failed API call, with the correlation id to quote to support. */
export function apiFailure(what, error) {
  const reference = error && error.correlationId ? ` (reference ${error.correlationId})` : '';
  return warning(`${what}: ${error ? error.message : 'unknown error'}${reference}`);
}

/** A "loading" paragraph, replaced when the data arrives. */
export function loading(what = 'Loading…') {
  return h('p', { class: 'govuk-body rasso-loading', role: 'status' }, what);
}

/** A plain list of strings or nodes. */
export function bulletList(items) {
  if (!items || !items.length) return '—';
  return h('ul', { class: 'govuk-list govuk-list--bullet rasso-compact-list' }, items.map((item) => h('li', {}, item instanceof Node ? item : text(item))));
}

/** 'reported_date' -> 'Reported date'. */
export function fieldLabel(key) {
  const words = String(key).replaceAll('_', ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * A table of records whose fields are not known in advance (bail periods, orders, breaches...):
 * one column per field seen, in first-seen order; crime references link to the crime page.
 */
export function recordsTable({ caption, rows, empty, id }) {
  const keys = [];
  for (const row of rows) for (const key of Object.keys(row || {})) if (!keys.includes(key)) keys.push(key);
  return table({
    caption,
    id,
    empty,
    captionClass: 'govuk-table__caption--s',
    rows,
    columns: keys.map((key) => ({
      label: fieldLabel(key),
      value: (row) => (key === 'crime_ref' && row[key] ? crimeLink(row[key]) : text(row[key])),
    })),
  });
}

/** An MoJ timeline from entries {date, kind, text, crime_ref}, newest first. */
export function timeline(entries) {
  if (!entries || !entries.length) return h('p', { class: 'govuk-body' }, 'Nothing on the timeline.');
  const sorted = [...entries].sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')));
  return h(
    'div',
    { class: 'moj-timeline' },
    sorted.map((entry) =>
      h(
        'div',
        { class: 'moj-timeline__item' },
        h('div', { class: 'moj-timeline__header' }, h('h3', { class: 'moj-timeline__title' }, fieldLabel(entry.kind || 'event')), entry.crime_ref ? h('p', { class: 'moj-timeline__byline' }, ' on crime ', crimeLink(entry.crime_ref)) : null),
        h('p', { class: 'moj-timeline__date' }, h('time', { datetime: entry.date || '' }, text(entry.date))),
        h('div', { class: 'moj-timeline__description' }, h('p', { class: 'govuk-body' }, text(entry.text))),
      ),
    ),
  );
}
