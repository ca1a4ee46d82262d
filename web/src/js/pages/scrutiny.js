// Scrutiny panels: the stored samples in the user's scope, a form to draw a new seeded,
// stratified sample (supervisors and administrators), and the themes report over the panels'
// findings: decisions (chart and table), recurring learning themes (chart and table), decisions
// by outcome and by offence group, victim care, Victims' Code compliance and learning points by
// case pseudonym. Analysts and scrutiny staff read; they draw nothing.
import { api } from '../api.js';
import { byId, h, replaceChildren, text } from '../dom.js';
import { apiFailure, loading, table } from '../components.js';
import { chartWithTable } from '../charts.js';
import { PANEL_DECISIONS, VICTIM_CARE, VICTIMS_CODE_COMPLIANCE } from '../codes.js';
import { button, dateField, fieldForMessage, radios, readDate, readField, showErrors, textField } from '../forms.js';
import { startPage } from '../layout.js';
import { GOVERNANCE_ROLES, humanise, inset, may, parseOutcomes, refusal, when } from '../governance.js';

const params = new URLSearchParams(window.location.search);
const themesSample = params.get('sample') || '';
const DATE_HINT = 'For example, 1 1 2025';

function labelOf(list, code) {
  const found = list.find(([value]) => value === code);
  return found ? found[1] : humanise(code);
}

/** Cases in a sample: the sum of what each stratum gave. */
function sampleCases(sample) {
  return (Array.isArray(sample.strata) ? sample.strata : []).reduce((sum, stratum) => sum + (Number(stratum.sampled) || 0), 0);
}

function allocationText(sample) {
  return sample.allocation === 'fixed' ? `${sample.per_stratum} from every stratum` : `${sample.size}, shared in proportion`;
}

// --- Samples ------------------------------------------------------------------------------------

async function loadSamples() {
  replaceChildren(byId('samples-list'), loading('Loading the samples…'));
  try {
    const body = await api('/scrutiny/samples');
    const samples = body.items || [];
    replaceChildren(
      byId('samples-list'),
      table({
        caption: `${samples.length} ${samples.length === 1 ? 'sample' : 'samples'} in your scope`,
        captionClass: 'govuk-table__caption--s',
        id: 'samples-table',
        sortable: true,
        empty: 'No sample has been drawn in your scope yet.',
        rows: samples.map((sample) => ({ ...sample, __key: String(sample.sample_id) })),
        columns: [
          { label: 'Sample', value: (s) => h('a', { class: 'govuk-link', href: `/scrutiny-sample.html?id=${encodeURIComponent(s.sample_id)}` }, `Sample ${s.sample_id}`), sortValue: (s) => s.sample_id, nowrap: true },
          { label: 'Outcomes dated', value: (s) => `${s.from} to ${s.to}`, sortValue: (s) => s.from, nowrap: true },
          { label: 'Size', value: allocationText },
          { label: 'Cases', value: (s) => String(sampleCases(s)), numeric: true, sortValue: sampleCases },
          { label: 'Closed cases in the period', value: (s) => text(s.population), numeric: true, sortValue: (s) => Number(s.population) || 0 },
          { label: 'Outcome codes', value: (s) => ((s.outcomes || []).length ? s.outcomes.join(', ') : 'Any') },
          { label: 'Seed', value: (s) => text(s.seed) },
          { label: 'Scope', value: (s) => [s.force_code, s.unit_ref].filter(Boolean).join(' / ') || '—' },
          { label: 'Drawn', value: (s) => `${when(s.created_at)}${s.created_by ? ` by ${s.created_by}` : ''}`, sortValue: (s) => s.created_at || '' },
        ],
      }),
    );
    const select = byId('themes-sample');
    replaceChildren(
      select,
      h('option', { value: '' }, 'Every sample'),
      samples.map((s) => h('option', { value: String(s.sample_id), selected: String(s.sample_id) === themesSample }, `Sample ${s.sample_id} (${s.from} to ${s.to})`)),
    );
  } catch (error) {
    replaceChildren(byId('samples-list'), apiFailure('The samples could not be loaded', error));
  }
}

// --- Drawing a sample ---------------------------------------------------------------------------

function randomSeed() {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return String(words[0]);
}

function drawForm() {
  const form = byId('draw-form');
  const container = byId('draw-form-container');
  replaceChildren(
    form,
    dateField({ name: 'sample_from', legend: 'Outcomes dated from', hint: DATE_HINT }),
    dateField({ name: 'sample_to', legend: 'Outcomes dated to', hint: 'For example, 31 3 2025' }),
    radios({
      name: 'allocation',
      legend: 'How many cases?',
      options: [
        ['proportional', 'A number of cases shared over the strata in proportion to their size'],
        ['fixed', 'The same number from every stratum'],
      ],
      small: true,
    }),
    textField({ name: 'sample_size', label: 'Cases in the sample (proportional)', hint: '1 to 1000; all the closed cases when there are fewer', value: '20', widthClass: 'govuk-input--width-4' }),
    textField({ name: 'per_stratum', label: 'Cases from every stratum (fixed)', hint: '1 to 200; all of a smaller stratum', value: '2', widthClass: 'govuk-input--width-4' }),
    textField({ name: 'seed', label: 'Seed', hint: 'A whole number. It is stored with the sample so the same draw can be made again; keep the one offered or use your own.', value: randomSeed(), widthClass: 'govuk-input--width-10', spellcheck: false }),
    textField({ name: 'outcomes', label: 'Outcome codes (optional)', hint: 'For example 14, 15, 16 for the police evidential-difficulty outcomes panels usually review. Empty: every outcome.', widthClass: 'govuk-input--width-20', spellcheck: false }),
    button('Draw the sample', { id: 'draw-save' }),
  );
  form.elements.allocation[0].checked = true;
  const fields = [
    { name: 'sample_from', aliases: ["from '", '--from', 'no closed case'] },
    { name: 'sample_to', aliases: ["to '"] },
    { name: 'per_stratum', aliases: ['per-stratum', 'per_stratum'] },
    { name: 'sample_size', aliases: ['--size', 'size'] },
    { name: 'seed', aliases: ['seed'] },
    { name: 'outcomes', aliases: ['outcomes must', 'is not an assigned'] },
  ];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = [];
    const from = readDate(form, 'sample_from');
    const to = readDate(form, 'sample_to');
    const realDate = 'The date must be a real date, for example 1 1 2025';
    if (from === '') errors.push({ field: 'sample_from', message: 'Enter the first outcome date of the period' });
    else if (from === null) errors.push({ field: 'sample_from', message: realDate });
    if (to === '') errors.push({ field: 'sample_to', message: 'Enter the last outcome date of the period' });
    else if (to === null) errors.push({ field: 'sample_to', message: realDate });
    const allocation = readField(form, 'allocation');
    const sizeName = allocation === 'fixed' ? 'per_stratum' : 'sample_size';
    const size = readField(form, sizeName);
    if (!/^\d+$/.test(size)) errors.push({ field: sizeName, message: 'Enter the number of cases as a whole number' });
    const seed = readField(form, 'seed');
    if (!/^\d+$/.test(seed)) errors.push({ field: 'seed', message: 'Enter the seed as a whole number, for example 20250401' });
    const outcomes = parseOutcomes(readField(form, 'outcomes'));
    if (outcomes === null) errors.push({ field: 'outcomes', message: 'Enter outcome codes as whole numbers separated by commas, for example 14, 15, 16' });
    if (errors.length) {
      showErrors(container, errors);
      return;
    }
    const body = { from, to, seed, sizes: allocation === 'fixed' ? { per_stratum: Number(size) } : { size: Number(size) } };
    if (outcomes.length) body.outcomes = outcomes;
    const save = byId('draw-save');
    save.disabled = true;
    try {
      const answer = await api('/scrutiny/samples', { method: 'POST', body });
      const sample = answer.sample || {};
      window.location.assign(`/scrutiny-sample.html?${new URLSearchParams({ id: String(sample.sample_id), drawn: `Sample ${sample.sample_id} drawn: ${sample.cases} cases from ${sample.population} closed cases` })}`);
    } catch (error) {
      showErrors(container, refusal(error, fieldForMessage(error.message, fields)));
      save.disabled = false;
    }
  });
}

// --- Themes -------------------------------------------------------------------------------------

function countTable({ caption, id, counts, labels, keyLabel }) {
  const rows = Object.entries(counts || {}).map(([key, cases]) => ({ key, cases }));
  return table({
    caption,
    captionClass: 'govuk-table__caption--s',
    id,
    rows,
    empty: 'None recorded.',
    columns: [
      { label: keyLabel, value: (row) => labelOf(labels, row.key) },
      { label: 'Cases', value: (row) => String(row.cases), numeric: true },
    ],
  });
}

function decisionsBy(container, { title, categoryLabel, breakdown, categoryName }) {
  const keys = Object.keys(breakdown || {});
  if (!keys.length) {
    replaceChildren(container);
    return;
  }
  chartWithTable(container, {
    title,
    kind: 'bar',
    categoryLabel,
    valueLabel: 'Cases',
    integer: true,
    categories: keys.map(categoryName),
    series: PANEL_DECISIONS.map(([code, label]) => ({ name: label, points: keys.map((key) => ({ value: Number((breakdown[key] || {})[code] || 0) })) })),
  });
}

async function loadThemes() {
  replaceChildren(byId('themes-summary'), loading('Loading the themes…'));
  const holders = ['themes-decisions', 'themes-tags', 'themes-by-outcome', 'themes-by-offence', 'themes-victim-care', 'themes-victims-code', 'themes-learning'];
  try {
    const report = await api('/scrutiny/themes', { query: { sample: themesSample } });
    const scope = themesSample ? `sample ${themesSample}` : 'every sample in your scope';
    if (!report.cases) {
      replaceChildren(byId('themes-summary'), `No panel finding has been recorded yet (${scope}).`);
      for (const id of holders) replaceChildren(byId(id));
      return;
    }
    replaceChildren(byId('themes-summary'), `${report.cases} ${report.cases === 1 ? 'case' : 'cases'} with a panel finding (${scope}).`);
    chartWithTable(byId('themes-decisions'), {
      title: 'Panel decisions',
      kind: 'bar',
      categoryLabel: 'Decision',
      valueLabel: 'Cases',
      integer: true,
      labelWidth: 200,
      categories: PANEL_DECISIONS.map(([, label]) => label),
      series: [{ name: 'Cases', points: PANEL_DECISIONS.map(([code]) => ({ value: Number((report.decisions || {})[code] || 0) })) }],
    });
    const themes = report.themes || [];
    if (themes.length) {
      chartWithTable(byId('themes-tags'), {
        title: 'Learning themes, most frequent first',
        kind: 'barh',
        categoryLabel: 'Theme',
        valueLabel: 'Cases',
        integer: true,
        topDown: true,
        labelWidth: 160,
        categories: themes.map((row) => row.theme),
        series: [{ name: 'Cases', points: themes.map((row) => ({ value: row.cases })) }],
      });
    } else {
      replaceChildren(byId('themes-tags'), h('p', { class: 'govuk-body' }, 'No learning theme has been tagged yet.'));
    }
    decisionsBy(byId('themes-by-outcome'), { title: 'Decisions by outcome', categoryLabel: 'Outcome', breakdown: report.by_outcome, categoryName: (code) => `Outcome ${code}` });
    decisionsBy(byId('themes-by-offence'), { title: 'Decisions by offence group', categoryLabel: 'Offence group', breakdown: report.by_offence_group, categoryName: (group) => humanise(group) });
    replaceChildren(byId('themes-victim-care'), countTable({ caption: 'Victim care', id: 'themes-victim-care-table', counts: report.victim_care, labels: VICTIM_CARE, keyLabel: 'Victim care' }));
    replaceChildren(byId('themes-victims-code'), countTable({ caption: 'Victims’ Code compliance', id: 'themes-victims-code-table', counts: report.victims_code, labels: VICTIMS_CODE_COMPLIANCE, keyLabel: 'Compliance' }));
    replaceChildren(
      byId('themes-learning'),
      table({
        caption: 'Learning points',
        captionClass: 'govuk-table__caption--s',
        id: 'themes-learning-table',
        rows: report.learning || [],
        empty: 'No learning point has been recorded yet.',
        columns: [
          { label: 'Case', value: (row) => text(row.case), nowrap: true },
          { label: 'Learning', value: (row) => text(row.learning) },
        ],
      }),
    );
  } catch (error) {
    replaceChildren(byId('themes-summary'), apiFailure('The themes could not be loaded', error));
  }
}

async function start() {
  const session = await startPage({ role: GOVERNANCE_ROLES.scrutinyRead });
  if (!session) return;
  if (may(session, 'scrutinyWrite')) {
    byId('draw').hidden = false;
    drawForm();
  } else {
    replaceChildren(byId('scrutiny-role'), inset('You can read the samples, their pseudonymised case summaries and the themes. Samples are drawn and findings recorded by supervisors and administrators.'));
  }
  await Promise.all([loadSamples(), loadThemes()]);
}

start();
