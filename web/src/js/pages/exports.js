// Exports are plain GET forms to /api/v1/exports/... (the server answers with a download), so
// they work with the browser's own download handling. The module only starts the page and
// leaves empty fields out of the query.
import { startPage } from '../layout.js';

async function start() {
  await startPage();
  for (const form of document.querySelectorAll('form[action^="/api/v1/"]')) {
    form.addEventListener('submit', () => {
      for (const input of form.querySelectorAll('input')) input.disabled = input.value === '';
      // Re-enable after the submission has been taken, so the form stays usable.
      setTimeout(() => {
        for (const input of form.querySelectorAll('input')) input.disabled = false;
      }, 0);
    });
  }
}

start();
