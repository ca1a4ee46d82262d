// Pure helpers of the governance pages (no DOM, no vendor modules, so web/test can import them):
// roles per endpoint (mirroring the server's route table), status names, the recommendation status
// checklist (docs/governance.md §4, core/recommendation_status.cpp: the server decides, this only
// tells the user what the next step needs), dates and rates.

/** Who may call which governance endpoint (any of the roles will do). */
export const GOVERNANCE_ROLES = {
  trainingCompliance: ['supervisor', 'analyst', 'administrator'], // GET /training/compliance
  trainingWorklist: ['investigator', 'supervisor', 'analyst', 'administrator'], // GET /worklists/training
  courses: ['investigator', 'supervisor', 'analyst', 'administrator'], // GET /training/courses
  courseChange: ['administrator'], // POST /training/courses/{code}
  caseloads: ['supervisor', 'analyst', 'administrator'], // GET /caseloads
  wellbeing: ['supervisor', 'administrator'], // GET and POST /wellbeing-checkins
  recommendationsRead: ['supervisor', 'analyst', 'scrutiny', 'administrator'], // GET /recommendations[/{id}]
  recommendationsWrite: ['supervisor', 'administrator'], // POST /recommendations/{id}/...
  scrutinyRead: ['supervisor', 'analyst', 'scrutiny', 'administrator'], // GET /scrutiny/...
  scrutinyWrite: ['supervisor', 'administrator'], // POST /scrutiny/samples, .../findings
  namesVisible: ['investigator', 'supervisor', 'offender_manager', 'administrator'], // may ask for crime references
};

/** Every role that may open the training page (any one of its sections). */
export const TRAINING_PAGE_ROLES = [...new Set([...GOVERNANCE_ROLES.trainingWorklist, ...GOVERNANCE_ROLES.courses, ...GOVERNANCE_ROLES.caseloads])];

/** True when `roles` (the user's) include one allowed to use `what` (a key of GOVERNANCE_ROLES). */
export function rolesMay(roles, what) {
  return (GOVERNANCE_ROLES[what] || []).some((role) => (roles || []).includes(role));
}

export const RECOMMENDATION_STATUSES = [
  ['open', 'Open'],
  ['in_progress', 'In progress'],
  ['evidence_submitted', 'Evidence submitted'],
  ['closed', 'Closed'],
];

export const ACTION_STATUSES = [
  ['open', 'Open'],
  ['in_progress', 'In progress'],
  ['closed', 'Closed'],
];

/** 'training_overdue' -> 'Training overdue'; '' -> '—'. */
export function humanise(code) {
  const words = String(code || '').replaceAll('_', ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '—';
}

/** The label of a status code ('in_progress' -> 'In progress'). */
export function statusLabel(code) {
  const known = RECOMMENDATION_STATUSES.find(([value]) => value === code);
  return known ? known[1] : humanise(code);
}

/**
 * The status changes the tracker allows from `rec`'s status, each with what it still needs:
 * [{to, label, missing: [string], needsNote}]. `rec` is the recommendation as GET
 * /recommendations/{id} returns it (owner, status, actions, evidence).
 */
export function nextStatuses(rec) {
  const actions = rec.actions || [];
  const openActions = actions.filter((action) => action.status !== 'closed').length;
  const evidence = (rec.evidence || []).length;
  const out = [];
  if (rec.status === 'open') {
    const missing = [];
    if (!rec.owner) missing.push('an owner (executive lead)');
    if (!actions.length) missing.push('at least one action');
    out.push({ to: 'in_progress', label: 'In progress', missing, needsNote: false });
  }
  if (rec.status === 'in_progress') {
    out.push({ to: 'evidence_submitted', label: 'Evidence submitted', missing: evidence ? [] : ['at least one evidence item'], needsNote: false });
  }
  if (rec.status === 'evidence_submitted') {
    const missing = [];
    if (!evidence) missing.push('at least one evidence item');
    if (openActions) missing.push(`every action closed (${openActions} still open or in progress)`);
    missing.push('a closure note saying why the recommendation is met');
    out.push({ to: 'closed', label: 'Closed', missing, needsNote: true });
  }
  if (rec.status === 'evidence_submitted' || rec.status === 'closed') {
    out.push({ to: 'in_progress', label: rec.status === 'closed' ? 'Reopen (in progress)' : 'Back to in progress', missing: ['a note giving the reason'], needsNote: true });
  }
  return out;
}

/**
 * Overdue: not closed, and either its own due date has passed (`today`, YYYY-MM-DD) or one of its
 * actions is past due (as the server counts it, `overdue_actions`).
 */
export function isOverdue(rec, today) {
  if (rec.status === 'closed') return false;
  return Boolean((rec.due_date && rec.due_date < today) || Number(rec.overdue_actions) > 0);
}

/** Today's date in the browser, YYYY-MM-DD (local time). */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date `days` from `iso` (YYYY-MM-DD), as YYYY-MM-DD. */
export function addDays(iso, days) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A rate 0..1 as a percentage with one decimal ("87.5%"), or '—'. */
export function percent(rate) {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${(rate * 100).toFixed(1)}%` : '—';
}

/** A rate 0..1 as a number of percent with one decimal, for a chart; null when missing. */
export function percentValue(rate) {
  return typeof rate === 'number' && Number.isFinite(rate) ? Math.round(rate * 1000) / 10 : null;
}

/** A server timestamp ("2025-04-01T10:22:03Z") shortened for a table ("2025-04-01 10:22"). */
export function when(timestamp) {
  if (!timestamp) return '—';
  return String(timestamp).replace('T', ' ').replace(/(\d{2}:\d{2}):\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, '$1');
}

/** Theme tags typed by a user ("Victim care, early evidence") as the server wants them (victim_care). */
export function parseThemes(textValue) {
  return String(textValue || '')
    .split(/[,;\n]/)
    .map((theme) => theme.trim().toLowerCase().replace(/[\s-]+/g, '_'))
    .filter(Boolean);
}

/** Outcome codes typed by a user ("14, 15 16") as numbers; null when one is not a whole number. */
export function parseOutcomes(textValue) {
  const parts = String(textValue || '').split(/[\s,;]+/).filter(Boolean);
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  return parts.map(Number);
}
