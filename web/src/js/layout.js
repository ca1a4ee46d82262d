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

/** True when the session's user has at least one of `roles` (an array, or a space-separated list). */
export function hasAnyRole(session, roles) {
  const list = Array.isArray(roles) ? roles : String(roles || '').split(/[\s,]+/).filter(Boolean);
  return list.some((role) => hasRole(session, role));
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
    // data-requires-role: one role, or several separated by spaces (any of them will do).
    const roles = item.dataset.requiresRole;
    if (roles) item.hidden = !hasAnyRole(session, roles);
  }
}

function roleListText(roles) {
  if (roles.length <= 1) return `the ${roles[0]} role`;
  return `the ${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]} role`;
}

/**
 * Starts a signed-in page. Resolves to the session; when nobody is signed in it sends the browser
 * to sign-in and never resolves. With `role` (one role name, or an array of which any will do), a
 * user without it sees a "no access" message and the promise resolves to null.
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
  const roles = role ? [role].flat() : [];
  if (roles.length && !hasAnyRole(session, roles)) {
    const main = byId('main-content');
    main.replaceChildren();
    const heading = document.createElement('h1');
    heading.className = 'govuk-heading-l';
    heading.textContent = 'You do not have access to this page';
    const body = document.createElement('p');
    body.className = 'govuk-body';
    body.textContent = `This page is for users with ${roleListText(roles)}. Ask an administrator if you need it.`;
    main.append(heading, body);
    return null;
  }
  return session;
}
