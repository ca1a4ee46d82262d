// GOV.UK form patterns built with DOM APIs: labelled inputs, date inputs (day, month, year),
// radios, checkboxes, selects and textareas, each in a form group that can show an error message;
// and the error summary that lists every problem at the top, links to the field, and takes focus.
import { h } from './dom.js';

function group(name, ...children) {
  return h('div', { class: 'govuk-form-group', dataset: { field: name } }, ...children);
}

function hintFor(name, hint) {
  return hint ? h('div', { class: 'govuk-hint', id: `${name}-hint` }, hint) : null;
}

/** A labelled text input (type text, password, number, date...). */
export function textField({ name, label, hint, type = 'text', autocomplete, value, widthClass, spellcheck }) {
  return group(
    name,
    h('label', { class: 'govuk-label', for: name }, label),
    hintFor(name, hint),
    h('input', {
      class: `govuk-input${widthClass ? ` ${widthClass}` : ''}`,
      id: name,
      name,
      type,
      autocomplete: autocomplete || 'off',
      spellcheck: spellcheck === undefined ? null : String(spellcheck),
      value: value ?? null,
      'aria-describedby': hint ? `${name}-hint` : null,
    }),
  );
}

/** A labelled textarea. */
export function textArea({ name, label, hint, rows = 3 }) {
  return group(
    name,
    h('label', { class: 'govuk-label', for: name }, label),
    hintFor(name, hint),
    h('textarea', { class: 'govuk-textarea', id: name, name, rows: String(rows), 'aria-describedby': hint ? `${name}-hint` : null }),
  );
}

/** A labelled select; options are [value, label] pairs. */
export function selectField({ name, label, hint, options, value }) {
  return group(
    name,
    h('label', { class: 'govuk-label', for: name }, label),
    hintFor(name, hint),
    h(
      'select',
      { class: 'govuk-select', id: name, name, 'aria-describedby': hint ? `${name}-hint` : null },
      options.map(([optionValue, optionLabel]) => h('option', { value: optionValue, selected: optionValue === value }, optionLabel)),
    ),
  );
}

/** A fieldset of radios; options are [value, label] pairs. The first radio carries id=name. */
export function radios({ name, legend, hint, options, small = false, inline = false }) {
  return group(
    name,
    h(
      'fieldset',
      { class: 'govuk-fieldset', 'aria-describedby': hint ? `${name}-hint` : null },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hintFor(name, hint),
      h(
        'div',
        { class: `govuk-radios${small ? ' govuk-radios--small' : ''}${inline ? ' govuk-radios--inline' : ''}`, 'data-module': 'govuk-radios' },
        options.map(([value, label], index) => {
          const id = index === 0 ? name : `${name}-${index + 1}`;
          return h('div', { class: 'govuk-radios__item' }, h('input', { class: 'govuk-radios__input', id, name, type: 'radio', value }), h('label', { class: 'govuk-label govuk-radios__label', for: id }, label));
        }),
      ),
    ),
  );
}

/** A fieldset of checkboxes; options are [value, label] pairs. The first carries id=name. */
export function checkboxes({ name, legend, hint, options, checked = [] }) {
  return group(
    name,
    h(
      'fieldset',
      { class: 'govuk-fieldset', 'aria-describedby': hint ? `${name}-hint` : null },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hintFor(name, hint),
      h(
        'div',
        { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        options.map(([value, label], index) => {
          const id = index === 0 ? name : `${name}-${index + 1}`;
          return h(
            'div',
            { class: 'govuk-checkboxes__item' },
            h('input', { class: 'govuk-checkboxes__input', id, name, type: 'checkbox', value, checked: checked.includes(value) }),
            h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, label),
          );
        }),
      ),
    ),
  );
}

/** A GOV.UK date input: day, month and year fields (ids name-day, name-month, name-year). */
export function dateField({ name, legend, hint }) {
  const part = (suffix, label, width) => {
    const id = `${name}-${suffix}`;
    return h(
      'div',
      { class: 'govuk-date-input__item' },
      h(
        'div',
        { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-date-input__label', for: id }, label),
        h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id, name: id, type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
      ),
    );
  };
  return group(
    name,
    h(
      'fieldset',
      { class: 'govuk-fieldset', role: 'group', 'aria-describedby': hint ? `${name}-hint` : null },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hintFor(name, hint),
      h('div', { class: 'govuk-date-input', id: name }, part('day', 'Day', 2), part('month', 'Month', 2), part('year', 'Year', 4)),
    ),
  );
}

/**
 * The ISO date in a date input, '' when all three parts are empty, or null when they do not make a
 * real date.
 */
export function readDate(form, name) {
  const get = (suffix) => (form.elements[`${name}-${suffix}`].value || '').trim();
  const [day, month, year] = [get('day'), get('month'), get('year')];
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Fills a date input from an ISO date. */
export function writeDate(form, name, iso) {
  const [year, month, day] = iso.split('-');
  form.elements[`${name}-day`].value = day;
  form.elements[`${name}-month`].value = month;
  form.elements[`${name}-year`].value = year;
}

/** The value of a field: the checked radio, the list of checked boxes, or the input's value. */
export function readField(form, name) {
  const field = form.elements[name];
  if (!field) return '';
  if (field instanceof RadioNodeList) {
    const boxes = [...field].filter((input) => input.type === 'checkbox');
    if (boxes.length) return boxes.filter((input) => input.checked).map((input) => input.value);
    return field.value;
  }
  if (field.type === 'checkbox') return field.checked ? [field.value] : [];
  return field.value.trim();
}

/** Removes the error summary and every field error from `container`. */
export function clearErrors(container) {
  for (const summary of container.querySelectorAll('.govuk-error-summary')) summary.remove();
  for (const message of container.querySelectorAll('.govuk-error-message')) message.remove();
  for (const fieldGroup of container.querySelectorAll('.govuk-form-group--error')) fieldGroup.classList.remove('govuk-form-group--error');
  for (const input of container.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error')) {
    input.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error');
  }
}

function firstControl(fieldGroup) {
  return fieldGroup.querySelector('input, select, textarea');
}

/**
 * Shows errors [{field, message}] the GOV.UK way: an error summary at the top of `container`
 * linking to each field, the message above each field, and focus on the summary. A field of null
 * (or one not in the form) is listed in the summary only. Also prefixes the page title with
 * "Error: ".
 */
export function showErrors(container, errors) {
  clearErrors(container);
  const items = errors.map(({ field, message }) => {
    const fieldGroup = field ? container.querySelector(`.govuk-form-group[data-field="${CSS.escape(field)}"]`) : null;
    if (fieldGroup) {
      fieldGroup.classList.add('govuk-form-group--error');
      const control = firstControl(fieldGroup);
      const messageId = `${field}-error`;
      const errorMessage = h('p', { class: 'govuk-error-message', id: messageId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), message);
      const anchor = fieldGroup.querySelector('.govuk-hint') || fieldGroup.querySelector('label, legend');
      anchor.after(errorMessage);
      for (const input of fieldGroup.querySelectorAll('.govuk-input, .govuk-select, .govuk-textarea')) {
        input.classList.add(input.classList.contains('govuk-select') ? 'govuk-select--error' : input.classList.contains('govuk-textarea') ? 'govuk-textarea--error' : 'govuk-input--error');
      }
      const describedBy = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      describedBy.add(messageId);
      control.setAttribute('aria-describedby', [...describedBy].join(' '));
      return h('li', {}, h('a', { href: `#${control.id}` }, message));
    }
    return h('li', {}, message);
  });
  const summary = h(
    'div',
    { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary', tabindex: '-1' },
    h('div', { role: 'alert' }, h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'), h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' }, items))),
  );
  container.prepend(summary);
  for (const link of summary.querySelectorAll('a[href^="#"]')) {
    link.addEventListener('click', (event) => {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
      }
    });
  }
  if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
  summary.focus();
  return summary;
}

/**
 * Which field a server validation message is about: the first of `fields` ({name, aliases}) whose
 * name appears in the message, else the first one an alias of which appears, else null.
 */
export function fieldForMessage(message, fields) {
  const lower = String(message || '').toLowerCase();
  const exact = fields.find((field) => lower.includes(field.name.toLowerCase()));
  if (exact) return exact.name;
  const byAlias = fields.find((field) => (field.aliases || []).some((alias) => alias && lower.includes(alias.toLowerCase())));
  return byAlias ? byAlias.name : null;
}

/** A GOV.UK primary (or secondary) button. */
export function button(label, { secondary = false, warningStyle = false, type = 'submit', id } = {}) {
  return h('button', { type, id, class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warningStyle ? ' govuk-button--warning' : ''}`, 'data-module': 'govuk-button' }, label);
}
