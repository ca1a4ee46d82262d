// What every signed-in page does first: check the session (or go to sign-in), show who is signed
// in, wire the sign-out button, mark the current navigation item, show administrator-only items
// to administrators, and start the GOV.UK and MoJ components present in the page.
import { initAll as initGovuk } from '/assets/vendor/govuk-frontend.min.js';
import { getSession, redirectToSignIn, signOut } from './api.js';
import { byId } from './dom.js';

/** True when the session's user has `role`. */
export function hasRole(session, role) {
  return Boolean(session && session.user && (session.user.roles || []).includes(role));
}

/** Starts GOV.UK Frontend on the page (the class normally set by an inline script). */
export function startComponents() {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  initGovuk();
}

function markNavigation(session) {
  const current = document.body.dataset.nav;
  for (const item of document.querySelectorAll('[data-nav-item]')) {
    const link = item.querySelector('a');
    if (item.dataset.navItem === current) {
      item.classList.add('govuk-service-navigation__item--active');
      link.setAttribute('aria-current', 'page');
    }
    const role = item.dataset.requiresRole;
    if (role) item.hidden = !hasRole(session, role);
  }
}

/**
 * Starts a signed-in page. Resolves to the session; when nobody is signed in it sends the browser
 * to sign-in and never resolves. With `role`, a user without it sees a "no access" message and
 * the promise resolves to null.
 */
export async function startPage({ role } = {}) {
  startComponents();
  const session = await getSession();
  if (!session) {
    redirectToSignIn();
    return new Promise(() => {});
  }
  const user = session.user || {};
  byId('rasso-user-name').textContent = `${user.display_name || user.username} (${(user.roles || []).join(', ')})`;
  byId('rasso-sign-out').addEventListener('click', async () => {
    try {
      await signOut();
    } finally {
      window.location.assign('/sign-in.html?signed_out=1');
    }
  });
  markNavigation(session);
  if (role && !hasRole(session, role)) {
    const main = byId('main-content');
    main.replaceChildren();
    const heading = document.createElement('h1');
    heading.className = 'govuk-heading-l';
    heading.textContent = 'You do not have access to this page';
    const body = document.createElement('p');
    body.className = 'govuk-body';
    body.textContent = `This page is for users with the ${role} role. Ask an administrator if you need it.`;
    main.append(heading, body);
    return null;
  }
  return session;
}
