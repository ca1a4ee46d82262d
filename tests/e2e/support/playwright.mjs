// The Playwright test API from the front end's npm packages (web/node_modules), so the specs here
// need no node_modules of their own and run with the very copy the web build installed.
export * from '../../../web/node_modules/@playwright/test/index.mjs';
export { default } from '../../../web/node_modules/@playwright/test/index.mjs';
