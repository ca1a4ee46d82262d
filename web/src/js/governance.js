// Workforce and governance pages (training, recommendations, scrutiny panels): the role checks
// against the signed-in session, status tags, overdue tags, the change-log timeline and the
// refusal shown in an error summary. The pure rules are in governance-rules.js.
import { h, text } from './dom.js';
import { tag } from './components.js';
import { hasAnyRole } from './layout.js';
import { GOVERNANCE_ROLES, statusLabel, when } from './governance-rules.js';

export * from './governance-rules.js';

/** True when the signed-in user may use `what` (a key of GOVERNANCE_ROLES). */
export function may(session, what) {
  return hasAnyRole(session, GOVERNANCE_ROLES[what]);
}

const STATUS_COLOURS = { open: 'grey', in_progress: 'blue', evidence_submitted: 'purple', closed: 'green' };

/** A coloured tag for a recommendation or action status. */
export function statusTag(code) {
  return tag(statusLabel(code), STATUS_COLOURS[code] || 'grey');
}

/** "3 days overdue" (red), "Due today" (orange), "5 days left", from a days-overdue number. */
export function overdueTag(daysOverdue) {
  const days = Number(daysOverdue);
  if (daysOverdue === null || daysOverdue === undefined || Number.isNaN(days)) return '—';
  if (days > 0) return tag(`${days} ${days === 1 ? 'day' : 'days'} overdue`, 'red');
  if (days === 0) return tag('Due today', 'orange');
  return `${-days} ${days === -1 ? 'day' : 'days'} left`;
}

/**
 * An MoJ timeline of change-log entries {at, by, change, note}, newest first: what changed, who
 * changed it and when, and the note given.
 */
export function changeTimeline(entries, { id } = {}) {
  if (!entries || !entries.length) return h('p', { class: 'govuk-body' }, 'No changes recorded yet.');
  return h(
    'div',
    { class: 'moj-timeline', id },
    [...entries].reverse().map((entry) =>
      h(
        'div',
        { class: 'moj-timeline__item' },
        h('div', { class: 'moj-timeline__header' }, h('h3', { class: 'moj-timeline__title' }, text(entry.change)), h('p', { class: 'moj-timeline__byline' }, ` by ${text(entry.by)}`)),
        h('p', { class: 'moj-timeline__date' }, h('time', { datetime: entry.at || '' }, when(entry.at))),
        entry.note ? h('div', { class: 'moj-timeline__description' }, h('p', { class: 'govuk-body' }, entry.note)) : null,
      ),
    ),
  );
}

/** A GOV.UK inset text. */
export function inset(...children) {
  return h('div', { class: 'govuk-inset-text' }, ...children);
}

/**
 * The error-summary entry for a refused write: the server's own message, against the field it
 * names (see fieldForMessage) unless it is a refusal of the user's role or session (403), which
 * is about no field.
 */
export function refusal(error, field) {
  return [{ field: error.status === 403 ? null : field, message: error.message }];
}
