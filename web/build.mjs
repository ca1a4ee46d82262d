// Builds web/dist/: one static HTML file per page (the shared layout around each page's body),
// the page modules, the stylesheet, and the vendor files copied from node_modules. No bundler:
// every page is plain HTML plus ES modules, so the Content-Security-Policy `default-src 'self'`
// holds (no inline script or style anywhere).
//
// The GOV.UK Frontend and MoJ Frontend stylesheets are used precompiled, with the GOV.UK branding
// taken out here: the @font-face rules (the GDS Transport font) are removed and the font stack is
// replaced by a system font stack; no crown, crest or logotype image is copied.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const modules = join(root, 'node_modules');
const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk');
const moj = join(modules, '@ministryofjustice', 'frontend', 'moj');
const echarts = join(modules, 'echarts', 'dist');

export const SYSTEM_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

// A GOV.UK or MoJ stylesheet without the GOV.UK brand font: no @font-face, the system font
// stack instead.
export function unbrandCss(css) {
  const withoutFontFaces = css.replace(/@font-face\{[^}]*\}/g, '');
  return withoutFontFaces
    .replaceAll('"GDS Transport",arial,sans-serif', SYSTEM_FONT_STACK)
    .replaceAll('GDS Transport,arial,sans-serif', SYSTEM_FONT_STACK)
    .replace(/font-family:"?GDS Transport"?/g, `font-family:${SYSTEM_FONT_STACK}`);
}

// Parses a page source: a first comment `<!-- title: ...; script: ...; nav: ... -->` then the body.
function readPage(file) {
  const text = readFileSync(join(src, 'pages', file), 'utf8');
  const header = text.match(/^<!--([\s\S]*?)-->\n?/);
  if (!header) throw new Error(`${file}: the page must start with <!-- title: ...; nav: ... -->`);
  const meta = {};
  for (const part of header[1].split(';')) {
    const [key, ...value] = part.split(':');
    if (key.trim()) meta[key.trim()] = value.join(':').trim();
  }
  if (!meta.title) throw new Error(`${file}: no title`);
  return { meta, body: text.slice(header[0].length) };
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

// The licences of the third-party files served from dist/assets/vendor (see docs/attribution.md).
function copyLicences(dist) {
  const folder = join(dist, 'assets', 'vendor', 'licences');
  mkdirSync(folder, { recursive: true });
  cpSync(join(modules, 'echarts', 'LICENSE'), join(folder, 'echarts-LICENSE.txt'));
  cpSync(join(modules, 'echarts', 'NOTICE'), join(folder, 'echarts-NOTICE.txt'));
  cpSync(join(modules, 'echarts', 'licenses', 'LICENSE-d3'), join(folder, 'echarts-LICENSE-d3.txt'));
  cpSync(join(modules, 'zrender', 'LICENSE'), join(folder, 'zrender-LICENSE.txt'));
  const version = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(folder, 'README.txt'),
    [
      `govuk-frontend ${version('govuk-frontend')}: MIT licence, Copyright (c) Crown Copyright (Government Digital Service).`,
      `@ministryofjustice/frontend ${version('@ministryofjustice/frontend')}: MIT licence, Copyright (c) Crown Copyright (Ministry of Justice).`,
      `echarts ${version('echarts')}: Apache License 2.0 (echarts-LICENSE.txt, echarts-NOTICE.txt; parts from d3: echarts-LICENSE-d3.txt).`,
      `zrender ${version('zrender')} (inside echarts.esm.min.js): BSD 3-Clause (zrender-LICENSE.txt).`,
      `tslib ${version('tslib')} (inside echarts.esm.min.js): 0BSD, Copyright (c) Microsoft Corporation.`,
      'The GOV.UK and MoJ stylesheets are served without the GDS Transport font and without any crown or crest image.',
      '',
    ].join('\n'),
  );
}

/** Builds the site into `dist` (replacing what is there); returns the page count. */
export function build(dist) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'assets', 'vendor'), { recursive: true });
  mkdirSync(join(dist, 'assets', 'images'), { recursive: true });

  const layout = readFileSync(join(src, 'layout.html'), 'utf8');
  const bare = readFileSync(join(src, 'layout-signed-out.html'), 'utf8');
  const pages = readdirSync(join(src, 'pages')).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const { meta, body } = readPage(file);
    const name = file.replace(/\.html$/, '');
    const template = meta.layout === 'signed-out' ? bare : layout;
    const html = template
      .replaceAll('{{title}}', escapeHtml(meta.title))
      .replaceAll('{{page}}', name)
      .replaceAll('{{nav}}', meta.nav || name)
      .replace('{{main}}', body.trim());
    writeFileSync(join(dist, file), html);
  }

  cpSync(join(src, 'js'), join(dist, 'assets', 'js'), { recursive: true });
  cpSync(join(src, 'css'), join(dist, 'assets', 'css'), { recursive: true });
  cpSync(join(src, 'images'), join(dist, 'assets', 'images'), { recursive: true });

  writeFileSync(
    join(dist, 'assets', 'vendor', 'govuk-frontend.min.css'),
    unbrandCss(readFileSync(join(govuk, 'govuk-frontend.min.css'), 'utf8')),
  );
  writeFileSync(
    join(dist, 'assets', 'vendor', 'moj-frontend.min.css'),
    unbrandCss(readFileSync(join(moj, 'moj-frontend.min.css'), 'utf8')),
  );
  cpSync(join(govuk, 'govuk-frontend.min.js'), join(dist, 'assets', 'vendor', 'govuk-frontend.min.js'));
  cpSync(join(moj, 'moj-frontend.min.js'), join(dist, 'assets', 'vendor', 'moj-frontend.min.js'));
  cpSync(join(echarts, 'echarts.esm.min.mjs'), join(dist, 'assets', 'vendor', 'echarts.esm.min.js'));
  // The MoJ components' icons (the stylesheet refers to /assets/images/...).
  cpSync(join(moj, 'assets', 'images'), join(dist, 'assets', 'images'), {
    recursive: true,
    filter: (path) => !/crown|crest/i.test(path),
  });
  // Source maps are left out: the vendor files are referenced by their minified names only.
  for (const file of ['govuk-frontend.min.js', 'moj-frontend.min.js', 'echarts.esm.min.js']) {
    const path = join(dist, 'assets', 'vendor', file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*$/, '\n'));
  }
  for (const file of ['govuk-frontend.min.css', 'moj-frontend.min.css']) {
    const path = join(dist, 'assets', 'vendor', file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\/\*# sourceMappingURL=.*?\*\//g, ''));
  }
  copyLicences(dist);
  return pages.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = join(root, 'dist');
  console.log(`built ${build(dist)} pages into ${dist}`);
}
