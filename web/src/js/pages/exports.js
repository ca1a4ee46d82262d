// Exports: each form names an export under /api/v1/exports/; its buttons choose the format. The module fetches the file itself (so a refusal shows as a GOV.UK error summary
// instead of a page of JSON, and the purpose header goes with it), then hands the file to the
// browser as a download. Without JavaScript the forms still work as plain GET requests.
import { redirectToSignIn } from '../api.js';
import { h } from '../dom.js';
import { clearErrors, showErrors } from '../forms.js';
import { startPage } from '../layout.js';

/** The file name in a Content-Disposition header, or `fallback`. */
function fileName(disposition, fallback) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition || '');
  return plain ? plain[1] : fallback;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) {
      if (response.status === 404 && body.error.code === 'not_found' && /route|no such|not found/i.test(body.error.message)) {
        return `This export is not available on this server yet (${body.error.message}).`;
      }
      return body.error.message;
    }
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${response.status}.`;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function submitExport(form, submitter) {
  const section = form.closest('section');
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter)) if (value) query.set(name, String(value));
  // A form whose export name depends on a choice (data-export-name="worklist-{kind}").
  let action = form.getAttribute('action');
  const template = form.dataset.exportName;
  if (template) {
    const name = template.replace(/\{([a-z_]+)\}/g, (_, field) => {
      const value = query.get(field) || '';
      query.delete(field);
      return encodeURIComponent(value);
    });
    action = `/api/v1/exports/${name}`;
  }
  const url = `${action}?${query}`;
  clearErrors(section);
  const buttons = form.querySelectorAll('button');
  for (const button of buttons) button.disabled = true;
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { 'X-Purpose': 'export' } });
    if (response.status === 401) {
      redirectToSignIn();
      return;
    }
    if (!response.ok) {
      showErrors(section, [{ field: null, message: await errorMessage(response) }]);
      return;
    }
    const blob = await response.blob();
    const format = query.get('format') || 'csv';
    download(blob, fileName(response.headers.get('Content-Disposition'), `${form.id.replace(/^export-/, '')}.${format}`));
  } catch (error) {
    showErrors(section, [{ field: null, message: `The export could not be downloaded: ${error.message}` }]);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

async function start() {
  await startPage();
  // Reports (HTML) open as a page of their own: only the exports are fetched here.
  for (const form of document.querySelectorAll('form[action^="/api/v1/exports/"]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitExport(form, event.submitter);
    });
  }
}

start();
