// Sign-in: a GOV.UK form with an error summary for empty fields and for the server's refusals
// (wrong username or password, account locked, too many attempts), then back to the page the user
// came from (only a path on this site) or the flight deck.
import { getSession, signIn } from '../api.js';
import { byId, replaceChildren } from '../dom.js';
import { notificationBanner } from '../components.js';
import { clearErrors, showErrors } from '../forms.js';
import { startComponents } from '../layout.js';

const MESSAGES = {
  invalid_credentials: 'The username or password is not right. Check them and try again.',
  account_locked: 'This account is locked after too many failed sign-ins. Ask your system administrator to unlock it or reset your password.',
  rate_limited: 'There have been too many sign-in attempts. Wait a few minutes, then try again.',
};

// Only a path on this site: never another origin ('//host' or 'https://...').
function nextPage() {
  const next = new URLSearchParams(window.location.search).get('next') || '';
  if (next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/sign-in')) return next;
  return '/index.html';
}

function showArrivalBanner() {
  const params = new URLSearchParams(window.location.search);
  const banner = byId('sign-in-banner');
  if (params.has('signed_out')) replaceChildren(banner, notificationBanner('You have signed out.', { success: true }));
  else if (params.get('reason') === 'session_expired') replaceChildren(banner, notificationBanner('Your session has ended. Sign in again to carry on.'));
}

async function start() {
  startComponents();
  showArrivalBanner();
  const existing = await getSession().catch(() => null);
  if (existing && !new URLSearchParams(window.location.search).has('signed_out')) {
    window.location.replace(nextPage());
    return;
  }
  const form = byId('sign-in-form');
  const container = byId('sign-in-container');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    const errors = [];
    if (!username) errors.push({ field: 'username', message: 'Enter your username' });
    if (!password) errors.push({ field: 'password', message: 'Enter your password' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const submit = byId('sign-in-button');
    submit.disabled = true;
    try {
      await signIn(username, password);
      clearErrors(container);
      window.location.assign(nextPage());
    } catch (error) {
      const message = MESSAGES[error.code] || `Sign-in failed: ${error.message}`;
      form.elements.password.value = '';
      showErrors(container, [{ field: error.code === 'invalid_credentials' ? 'username' : null, message }]);
    } finally {
      submit.disabled = false;
    }
  });
}

start();
