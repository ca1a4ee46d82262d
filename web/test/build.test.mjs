// The built site keeps the promises the server's Content-Security-Policy and the "no GOV.UK
// branding, no network" rules depend on. Builds into a temporary folder, then reads every file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, unbrandCss, SYSTEM_FONT_STACK } from '../build.mjs';

const dist = mkdtempSync(join(tmpdir(), 'rasso-web-'));
const pageCount = build(dist);
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));

function files(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));
}
const html = readdirSync(dist).filter((name) => name.endsWith('.html'));

test('every page source became a page, each with its module', () => {
  assert.equal(html.length, pageCount);
  assert.ok(html.includes('index.html') && html.includes('sign-in.html'));
  for (const page of html) {
    const module = join(dist, 'assets', 'js', 'pages', page.replace(/\.html$/, '.js'));
    assert.ok(existsSync(module), `${page} has no module ${module}`);
  }
});

test('no inline script, inline style or event handler in any page (CSP default-src self)', () => {
  for (const page of html) {
    const text = readFileSync(join(dist, page), 'utf8');
    for (const script of text.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) || []) {
      assert.match(script, /^<script type="module" src="\/assets\/js\/pages\/[a-z-]+\.js"><\/script>$/, `${page}: ${script}`);
    }
    assert.doesNotMatch(text, /<style\b/i, `${page} has a <style> element`);
    assert.doesNotMatch(text, /\sstyle=/i, `${page} has a style attribute`);
    assert.doesNotMatch(text, /\son[a-z]+=/i, `${page} has an inline event handler`);
    assert.doesNotMatch(text, /\{\{[a-z]+\}\}/, `${page} has an unfilled placeholder`);
  }
});

test('every page has one h1, a skip link, the service name and the OFFICIAL-SENSITIVE marking', () => {
  for (const page of html) {
    const text = readFileSync(join(dist, page), 'utf8');
    assert.equal((text.match(/<h1\b/g) || []).length, 1, `${page}: h1 count`);
    assert.match(text, /<a href="#main-content" class="govuk-skip-link"/, page);
    assert.match(text, /RASSO Workbench/, page);
    assert.match(text, /OFFICIAL-SENSITIVE/, page);
    assert.match(text, /<html lang="en"/, page);
  }
});

test('nothing is loaded from another site', () => {
  for (const file of files(dist).filter((name) => /\.(html|css)$/.test(name))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /(src|href)="(https?:)?\/\//i, `${file} links to another site`);
    assert.doesNotMatch(text, /url\((["']?)(https?:)?\/\//i, `${file} loads a URL from another site`);
  }
  for (const file of files(join(dist, 'assets', 'js'))) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]https?:/, `${file} imports from another site`);
  }
});

test('no GOV.UK branding: no brand font, no crown or crest image, no GOV.UK wordmark', () => {
  for (const file of files(dist)) {
    assert.doesNotMatch(file, /crown|crest|logotype|\.woff2?$/i, `${file} should not be served`);
    if (/\.(html|css)$/.test(file)) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /GDS Transport/, `${file} uses the GOV.UK font`);
      assert.doesNotMatch(text, /@font-face/, `${file} declares a web font`);
    }
    if (file.endsWith('.html')) assert.doesNotMatch(readFileSync(file, 'utf8'), /GOV\.UK/, `${file} says GOV.UK`);
  }
});

test('the page modules never write HTML from strings', () => {
  for (const file of files(join(dist, 'assets', 'js'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, `${file} writes HTML from a string`);
  }
});

test('unbrandCss replaces the GOV.UK font stack and drops its @font-face rules', () => {
  const css = '@font-face{font-family:"GDS Transport";src:url(/assets/fonts/a.woff2)}body{font-family:"GDS Transport",arial,sans-serif}p{font-family:GDS Transport,arial,sans-serif}';
  const out = unbrandCss(css);
  assert.doesNotMatch(out, /GDS Transport|@font-face|woff/);
  assert.equal(out, `body{font-family:${SYSTEM_FONT_STACK}}p{font-family:${SYSTEM_FONT_STACK}}`);
});
