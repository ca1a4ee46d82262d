// One inspection recommendation: its text, executive lead, status (with what the next change
// needs), actions with owners and due dates, evidence items and the full change history. For
// supervisors and administrators, forms to set the owner, add an action, change an action's status
// (close it with a note, reopen it with a reason), add evidence and change the recommendation's
// status; the server validates every change and its message appears in the error summary against
// the field it names. Scrutiny staff and analysts get the same page without any form.
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, notificationBanner, summaryList, table } from '../components.js';
import { button, dateField, fieldForMessage, radios, readDate, readField, selectField, showErrors, textArea, textField } from '../forms.js';
import { startPage } from '../layout.js';
import { ACTION_STATUSES, GOVERNANCE_ROLES, changeTimeline, inset, may, nextStatuses, overdueTag, refusal, statusLabel, statusTag, when } from '../governance.js';

const params = new URLSearchParams(window.location.search);
const recId = params.get('id') || '';
const DATE_HINT = 'For example, 31 3 2026';

let mayWrite = false; // the user's roles allow changes
let canEdit = false; // ... and the server agrees (can_edit in its answer)

function banner(message) {
  const holder = byId('recommendation-banner');
  replaceChildren(holder, notificationBanner(message, { success: true }));
  holder.querySelector('.govuk-notification-banner').focus();
}

function section(id, heading, ...children) {
  return h('section', { class: 'rasso-section', id, 'aria-labelledby': `${id}-heading` }, h('h2', { class: 'govuk-heading-m', id: `${id}-heading` }, heading), ...children);
}

function formBlock(id, heading, form) {
  return h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds', id: `${id}-container` }, h('h3', { class: 'govuk-heading-s', id: `${id}-heading` }, heading), form));
}

/**
 * Wires a form: `read(form, errors)` gives the request body (pushing {field, message} for
 * anything missing), `send(body)` makes the call, `done(body, answer)` is the banner text.
 * `fields` ({name, aliases}) map a server message to the field it is about.
 */
function wire(form, { read, send, done, fields }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The block the form sits in (formBlock) holds its error summary.
    const container = form.parentElement;
    const errors = [];
    const body = read(form, errors);
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const answer = await send(body);
      await load(done(body, answer));
    } catch (error) {
      showErrors(container, refusal(error, fieldForMessage(error.message, fields)));
      submit.disabled = false;
    }
  });
  return form;
}

function post(path, body) {
  return api(`/recommendations/${encodeURIComponent(recId)}${path}`, { method: 'POST', body });
}

// --- Sections -----------------------------------------------------------------------------------

function detailsSection(rec) {
  return summaryList([
    ['Reference', rec.id],
    ['From', text(rec.source)],
    ['Number', text(rec.number)],
    ['Area', text(rec.area)],
    ['Recommendation', text(rec.summary)],
    ['For', text(rec.audience)],
    ['For forces', text(Boolean(rec.for_forces))],
    ['Due', text(rec.due_date)],
    ['Owner (executive lead)', h('span', { id: 'recommendation-owner' }, rec.owner || 'Not set')],
    ['Status', h('span', { id: 'recommendation-current-status' }, statusTag(rec.status), rec.status_note ? [' ', rec.status_note] : null)],
    ['Last changed', `${when(rec.updated_at)}${rec.updated_by ? ` by ${rec.updated_by}` : ''} (version ${rec.version})`],
  ]);
}

function statusSection(rec) {
  const next = nextStatuses(rec);
  const checklist = h(
    'ul',
    { class: 'govuk-list govuk-list--bullet', id: 'recommendation-next-steps' },
    next.map((step) => h('li', {}, h('strong', {}, `${step.label}: `), step.missing.length ? `needs ${step.missing.join('; ')}.` : 'nothing more is needed.')),
  );
  let form = null;
  if (canEdit && next.length) {
    form = wire(
      h(
        'form',
        { id: 'rec-status-form', novalidate: true },
        radios({ name: 'status', legend: 'New status', options: next.map((step) => [step.to, step.label]) }),
        textArea({ name: 'status_note', label: 'Note', hint: 'Closing needs a closure note saying why the recommendation is met; going back to in progress needs the reason.', rows: 3 }),
        button('Change status', { id: 'rec-status-save' }),
      ),
      {
        read: (f, errors) => {
          const status = readField(f, 'status');
          if (!status) errors.push({ field: 'status', message: 'Choose the new status' });
          return { status, note: readField(f, 'status_note') };
        },
        send: (body) => post('/status', body),
        done: (body) => `Status changed to “${statusLabel(body.status)}”.`,
        fields: [
          { name: 'status', aliases: ['status must', 'cannot move', 'already'] },
          { name: 'status_note', aliases: ['note', 'reason'] },
        ],
      },
    );
  }
  return section(
    'rec-status',
    'Status',
    h('p', { class: 'govuk-body' }, 'Now: ', statusTag(rec.status), '.', next.length ? ' What the next change needs:' : ''),
    next.length ? checklist : null,
    form ? formBlock('rec-status-form', 'Change the status', form) : null,
  );
}

function ownerSection(rec) {
  if (!canEdit || rec.status === 'closed') return null;
  const form = wire(
    h(
      'form',
      { id: 'rec-owner-form', novalidate: true },
      textField({ name: 'owner', label: 'Owner (executive lead)', hint: 'A post rather than a person, for example ACC Public Protection', value: rec.owner || '', widthClass: 'govuk-input--width-30' }),
      button(rec.owner ? 'Change owner' : 'Set owner', { id: 'rec-owner-save', secondary: true }),
    ),
    {
      read: (f, errors) => {
        const owner = readField(f, 'owner');
        if (!owner) errors.push({ field: 'owner', message: 'Enter the owner (executive lead)' });
        return { owner };
      },
      send: (body) => post('/owner', body),
      done: (body) => `Owner set to ${body.owner}.`,
      fields: [{ name: 'owner', aliases: ['owner', 'lead'] }],
    },
  );
  return section('rec-owner', 'Owner', formBlock('rec-owner-form', rec.owner ? 'Change the owner' : 'Set the owner', form));
}

function actionsTable(rec) {
  return table({
    caption: `${rec.actions.length} ${rec.actions.length === 1 ? 'action' : 'actions'}`,
    captionClass: 'govuk-table__caption--s',
    id: 'rec-actions-table',
    empty: 'No actions yet.',
    rows: rec.actions.map((action) => ({ ...action, __key: String(action.action_id) })),
    columns: [
      { label: 'No.', value: (a) => text(a.action_id), numeric: true },
      { label: 'Action', value: (a) => text(a.description) },
      { label: 'Owner', value: (a) => text(a.owner) },
      { label: 'Due', value: (a) => h('span', {}, a.due_date, a.overdue ? [' ', overdueTag(a.days_overdue)] : null), nowrap: true },
      { label: 'Status', value: (a) => statusTag(a.status) },
      { label: 'Note', value: (a) => text(a.note) },
      { label: 'Last changed', value: (a) => `${when(a.updated_at)}${a.updated_by ? ` by ${a.updated_by}` : ''}` },
      ...(canEdit && rec.status !== 'closed'
        ? [
            {
              label: 'Change',
              value: (a) => {
                const control = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary rasso-button--small', 'data-module': 'govuk-button' }, 'Update', h('span', { class: 'govuk-visually-hidden' }, ` action ${a.action_id}`));
                control.addEventListener('click', () => {
                  const select = byId('action_id');
                  select.value = String(a.action_id);
                  select.focus();
                });
                return control;
              },
            },
          ]
        : []),
    ],
  });
}

function actionStatusForm(rec) {
  const options = rec.actions.map((a) => [String(a.action_id), `${a.action_id}: ${a.description.length > 60 ? `${a.description.slice(0, 57)}…` : a.description} (${statusLabel(a.status).toLowerCase()})`]);
  const firstOpen = rec.actions.find((a) => a.status !== 'closed');
  return wire(
    h(
      'form',
      { id: 'rec-action-status-form', novalidate: true },
      selectField({ name: 'action_id', label: 'Action', options, value: firstOpen ? String(firstOpen.action_id) : undefined }),
      radios({ name: 'action_status', legend: 'New status', options: ACTION_STATUSES, small: true, inline: true }),
      textArea({ name: 'action_note', label: 'Note', hint: 'Closing an action needs a note saying what was done; reopening a closed one needs the reason.', rows: 2 }),
      button('Change action status', { id: 'rec-action-status-save', secondary: true }),
    ),
    {
      read: (f, errors) => {
        const status = readField(f, 'action_status');
        if (!status) errors.push({ field: 'action_status', message: 'Choose the action’s new status' });
        return { action_id: readField(f, 'action_id'), status, note: readField(f, 'action_note') };
      },
      send: (body) => post(`/actions/${encodeURIComponent(body.action_id)}`, { status: body.status, note: body.note }),
      done: (body) => `Action ${body.action_id} is now ${statusLabel(body.status).toLowerCase()}.`,
      fields: [
        { name: 'action_id', aliases: ['has no action'] },
        { name: 'action_status', aliases: ['status must', 'already', 'only be reopened'] },
        { name: 'action_note', aliases: ['note', 'reason'] },
      ],
    },
  );
}

function addActionForm() {
  return wire(
    h(
      'form',
      { id: 'rec-action-form', novalidate: true },
      textArea({ name: 'action_description', label: 'What will be done', rows: 3 }),
      textField({ name: 'action_owner', label: 'Owner of the action', hint: 'A post or team, for example DCI RASSO Hub', widthClass: 'govuk-input--width-30' }),
      dateField({ name: 'action_due', legend: 'Due date', hint: DATE_HINT }),
      button('Add action', { id: 'rec-action-save', secondary: true }),
    ),
    {
      read: (f, errors) => {
        const description = readField(f, 'action_description');
        const owner = readField(f, 'action_owner');
        const due = readDate(f, 'action_due');
        if (!description) errors.push({ field: 'action_description', message: 'Enter what will be done' });
        if (!owner) errors.push({ field: 'action_owner', message: 'Enter the owner of the action' });
        if (due === '') errors.push({ field: 'action_due', message: 'Enter the due date' });
        else if (due === null) errors.push({ field: 'action_due', message: 'The due date must be a real date, for example 31 3 2026' });
        return { description, owner, due_date: due };
      },
      send: (body) => post('/actions', body),
      done: (body, answer) => `Action ${answer && answer.action_id ? `${answer.action_id} ` : ''}added: ${body.description}`,
      fields: [
        { name: 'action_description', aliases: ['description'] },
        { name: 'action_owner', aliases: ['owner'] },
        { name: 'action_due', aliases: ['due_date', 'due'] },
      ],
    },
  );
}

function actionsSection(rec) {
  const open = canEdit && rec.status !== 'closed';
  return section(
    'rec-actions',
    'Actions',
    h('div', { class: 'moj-scrollable-pane' }, actionsTable(rec)),
    open && rec.actions.length ? formBlock('rec-action-status-form', 'Change an action’s status', actionStatusForm(rec)) : null,
    open ? formBlock('rec-action-form', 'Add an action', addActionForm()) : null,
  );
}

function evidenceSection(rec) {
  const open = canEdit && rec.status !== 'closed';
  const form = open
    ? wire(
        h(
          'form',
          { id: 'rec-evidence-form', novalidate: true },
          textArea({ name: 'evidence_description', label: 'What the evidence shows', rows: 3 }),
          textField({ name: 'evidence_reference', label: 'Where it is held (optional)', hint: 'A file or document reference, for example PPU/2025/017', widthClass: 'govuk-input--width-20' }),
          button('Add evidence', { id: 'rec-evidence-save', secondary: true }),
        ),
        {
          read: (f, errors) => {
            const description = readField(f, 'evidence_description');
            if (!description) errors.push({ field: 'evidence_description', message: 'Enter what the evidence shows' });
            return { description, reference: readField(f, 'evidence_reference') };
          },
          send: (body) => post('/evidence', body),
          done: () => 'Evidence added.',
          fields: [
            { name: 'evidence_description', aliases: ['description'] },
            { name: 'evidence_reference', aliases: ['reference'] },
          ],
        },
      )
    : null;
  return section(
    'rec-evidence',
    'Evidence',
    h(
      'div',
      { class: 'moj-scrollable-pane' },
      table({
        caption: `${rec.evidence.length} evidence ${rec.evidence.length === 1 ? 'item' : 'items'}`,
        captionClass: 'govuk-table__caption--s',
        id: 'rec-evidence-table',
        empty: 'No evidence yet.',
        rows: rec.evidence,
        columns: [
          { label: 'No.', value: (e) => text(e.evidence_id), numeric: true },
          { label: 'Evidence', value: (e) => text(e.description) },
          { label: 'Held at', value: (e) => text(e.reference) },
          { label: 'Added', value: (e) => `${when(e.added_at)}${e.added_by ? ` by ${e.added_by}` : ''}` },
        ],
      }),
    ),
    form ? formBlock('rec-evidence-form', 'Add evidence', form) : null,
  );
}

function render(rec) {
  canEdit = mayWrite && rec.can_edit !== false;
  byId('recommendation-heading').textContent = `Recommendation ${rec.id}`;
  document.title = `Recommendation ${rec.id} – RASSO Workbench`;
  byId('recommendation-caption').textContent = rec.source || 'Inspection recommendation';
  rec.actions = rec.actions || [];
  rec.evidence = rec.evidence || [];
  replaceChildren(
    byId('recommendation-body'),
    !canEdit ? inset('You have read-only access to the tracker: changes are recorded by supervisors and administrators.') : null,
    canEdit && rec.status === 'closed' ? inset('This recommendation is closed: it takes no new owner, action or evidence until it is reopened (status “in progress” with a reason).') : null,
    detailsSection(rec),
    ownerSection(rec),
    actionsSection(rec),
    evidenceSection(rec),
    statusSection(rec),
    section('rec-history', 'History', h('p', { class: 'govuk-body' }, 'Every change, oldest last. Nothing is deleted: previous versions are kept.'), changeTimeline(rec.history, { id: 'rec-history-timeline' })),
  );
}

async function load(message) {
  if (!message) replaceChildren(byId('recommendation-body'), loading('Loading the recommendation…'));
  try {
    const rec = await api(`/recommendations/${encodeURIComponent(recId)}`);
    render(rec);
    if (message) banner(message);
  } catch (error) {
    replaceChildren(byId('recommendation-body'), apiFailure(`Recommendation ${recId} could not be loaded`, error));
  }
}

async function start() {
  const session = await startPage({ role: GOVERNANCE_ROLES.recommendationsRead });
  if (!session) return;
  if (!recId) {
    replaceChildren(byId('recommendation-body'), h('p', { class: 'govuk-body' }, 'Choose a recommendation from ', h('a', { class: 'govuk-link', href: '/recommendations.html' }, 'the list'), '.'));
    return;
  }
  // The server says whether this user may change it (can_edit); the role check hides the forms
  // before that answer and for any role the server would refuse anyway.
  mayWrite = may(session, 'recommendationsWrite');
  await load();
}

start();
