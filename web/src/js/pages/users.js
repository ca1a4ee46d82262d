// User administration (administrators only): the list of users with their roles, scope and
// state; adding a user; disabling one; setting a new password (which also unlocks the account).
import { api, listAll } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, notificationBanner, table, tag } from '../components.js';
import { ROLES } from '../codes.js';
import { button, checkboxes, clearErrors, fieldForMessage, readField, showErrors, textField } from '../forms.js';
import { startPage } from '../layout.js';

function banner(message) {
  replaceChildren(byId('users-banner'), notificationBanner(message, { success: true }));
  byId('users-banner').querySelector('.govuk-notification-banner').focus();
}

function state(user) {
  if (user.disabled) return tag('Disabled', 'grey');
  if (user.locked) return tag('Locked', 'red');
  return tag('Active', 'green');
}

function resetForm(user, index, onDone) {
  const name = `new-password-${index}`;
  const form = h(
    'form',
    { class: 'rasso-inline-form', novalidate: true },
    textField({ name, label: `New password for ${user.username}`, type: 'password', autocomplete: 'new-password', widthClass: 'govuk-input--width-10' }),
    button('Set password', { secondary: true }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = form.elements[name].value;
    if (!password) {
      showErrors(form, [{ field: name, message: 'Enter the new password' }]);
      return;
    }
    try {
      await api(`/users/${encodeURIComponent(user.username)}/reset-password`, { method: 'POST', body: { password } });
      onDone(`New password set for ${user.username}. The account is unlocked.`);
    } catch (error) {
      showErrors(form, [{ field: name, message: error.message }]);
    }
  });
  return form;
}

function disableButton(user, onDone) {
  if (user.disabled) return '—';
  const control = button(`Disable ${user.username}`, { warningStyle: true, type: 'button' });
  control.addEventListener('click', async () => {
    if (!window.confirm(`Disable ${user.username}? Their sessions end at once.`)) return;
    try {
      await api(`/users/${encodeURIComponent(user.username)}/disable`, { method: 'POST' });
      onDone(`${user.username} is disabled.`);
    } catch (error) {
      replaceChildren(byId('users-status'), apiFailure(`${user.username} could not be disabled`, error));
    }
  });
  return control;
}

async function loadUsers() {
  replaceChildren(byId('users-list'), loading('Loading users…'));
  const done = (message) => {
    banner(message);
    loadUsers();
  };
  try {
    const { items } = await listAll('/users');
    replaceChildren(
      byId('users-list'),
      table({
        caption: `${items.length} users`,
        id: 'users-table',
        rows: items,
        columns: [
          { label: 'Username', value: (u) => text(u.username) },
          { label: 'Name', value: (u) => text(u.display_name) },
          { label: 'Roles', value: (u) => text(u.roles) },
          { label: 'Scope', value: (u) => [u.force_code, u.unit_code].filter(Boolean).join(' / ') || '—' },
          { label: 'State', value: state },
          { label: 'Added', value: (u) => text(u.created_at) },
          { label: 'Password', value: (u) => resetForm(u, u.username.replace(/[^A-Za-z0-9_-]/g, '_'), done) },
          { label: 'Access', value: (u) => disableButton(u, done) },
        ],
      }),
    );
  } catch (error) {
    replaceChildren(byId('users-list'), apiFailure('The users could not be loaded', error));
  }
}

function addUserForm(session) {
  const form = byId('add-user-form');
  const container = byId('add-user-container');
  replaceChildren(
    form,
    textField({ name: 'username', label: 'Username', hint: 'Letters, digits, dots, hyphens and underscores', spellcheck: false, widthClass: 'govuk-input--width-20' }),
    textField({ name: 'display_name', label: 'Full name', widthClass: 'govuk-input--width-30' }),
    textField({ name: 'password', label: 'First password', type: 'password', autocomplete: 'new-password', hint: 'Give it to the user in person; they should change it', widthClass: 'govuk-input--width-20' }),
    checkboxes({ name: 'roles', legend: 'Roles', options: ROLES }),
    textField({ name: 'force_code', label: 'Force code', value: session.user.force_code || '', widthClass: 'govuk-input--width-5' }),
    textField({ name: 'unit_code', label: 'Unit code (optional)', hint: 'Leave empty for access to every unit of the force', widthClass: 'govuk-input--width-5' }),
    button('Add user', { id: 'add-user-submit' }),
  );
  const fields = ['username', 'display_name', 'password', 'roles', 'force_code', 'unit_code'].map((name) => ({ name }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      username: readField(form, 'username'),
      display_name: readField(form, 'display_name'),
      password: form.elements.password.value,
      roles: readField(form, 'roles'),
      force_code: readField(form, 'force_code'),
      unit_code: readField(form, 'unit_code'),
    };
    const errors = [];
    if (!body.username) errors.push({ field: 'username', message: 'Enter a username' });
    if (!body.display_name) errors.push({ field: 'display_name', message: 'Enter the user’s full name' });
    if (!body.password) errors.push({ field: 'password', message: 'Enter a first password' });
    if (!body.roles.length) errors.push({ field: 'roles', message: 'Select at least one role' });
    if (!body.force_code) errors.push({ field: 'force_code', message: 'Enter the force code' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    if (!body.unit_code) delete body.unit_code;
    try {
      await api('/users', { method: 'POST', body });
      form.reset();
      clearErrors(container);
      banner(`${body.username} can now sign in.`);
      loadUsers();
    } catch (error) {
      showErrors(container, [{ field: fieldForMessage(error.message, fields) || (error.code === 'conflict' ? 'username' : null), message: error.message }]);
    }
  });
}

async function start() {
  const session = await startPage({ role: 'administrator' });
  if (!session) return;
  addUserForm(session);
  await loadUsers();
}

start();
