// Reporting periods as the KPI API names them: a year "2025", a quarter "2025Q1" or a month
// "2025-03". Pure functions, so the period picker and the trend range agree.

/** Parses a period name; null when it is not one. */
export function parsePeriod(name) {
  let match = /^(\d{4})$/.exec(name || '');
  if (match) return { kind: 'year', year: Number(match[1]), index: 0 };
  match = /^(\d{4})Q([1-4])$/.exec(name || '');
  if (match) return { kind: 'quarter', year: Number(match[1]), index: Number(match[2]) - 1 };
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name || '');
  if (match) return { kind: 'month', year: Number(match[1]), index: Number(match[2]) - 1 };
  return null;
}

/** The name of a parsed period. */
export function periodName(period) {
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}Q${period.index + 1}`;
  return `${period.year}-${String(period.index + 1).padStart(2, '0')}`;
}

const PER_YEAR = { year: 1, quarter: 4, month: 12 };

/** The period `steps` periods after (negative: before) `period`, of the same kind. */
export function shiftPeriod(period, steps) {
  const perYear = PER_YEAR[period.kind];
  const ordinal = period.year * perYear + period.index + steps;
  return { kind: period.kind, year: Math.floor(ordinal / perYear), index: ((ordinal % perYear) + perYear) % perYear };
}

/** First and last day (ISO) of a period. */
export function periodBounds(period) {
  const monthsPer = { year: 12, quarter: 3, month: 1 }[period.kind];
  const firstMonth = period.index * monthsPer;
  const start = new Date(Date.UTC(period.year, firstMonth, 1));
  const end = new Date(Date.UTC(period.year, firstMonth + monthsPer, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** A readable label: "2025", "Jan to Mar 2025 (2025Q1)", "March 2025". */
export function periodLabel(period) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (period.kind === 'year') return `${period.year}`;
  if (period.kind === 'quarter') return `${months[period.index * 3]} to ${months[period.index * 3 + 2]} ${period.year} (Q${period.index + 1})`;
  return `${long[period.index]} ${period.year}`;
}

/** The period containing an ISO date, of the given kind. */
export function periodOf(isoDate, kind) {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1;
  if (kind === 'year') return { kind, year, index: 0 };
  if (kind === 'quarter') return { kind, year, index: Math.floor(month / 3) };
  return { kind, year, index: month };
}

/** Choices for a picker: the last `count` periods of each kind, ending at the one containing `isoDate`. */
export function recentPeriods(isoDate, { quarters = 8, months = 12, years = 4 } = {}) {
  const list = (kind, count) => Array.from({ length: count }, (_, i) => shiftPeriod(periodOf(isoDate, kind), -i));
  return { quarter: list('quarter', quarters), month: list('month', months), year: list('year', years) };
}
