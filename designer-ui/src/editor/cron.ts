/**
 * Next run times of a 5-field Unix cron expression (minute hour day-of-month month day-of-week) in an IANA
 * time zone, for the schedule preview. Supports *, lists, ranges, steps and the names JAN..DEC and SUN..SAT.
 * As in Vixie cron, when both day fields are restricted a day matches if either matches.
 * Local times that do not exist (a spring-forward gap) are skipped; in an overlap the first is used.
 */

export class CronError extends Error {}

interface FieldSpec { name: string; min: number; max: number; names?: string[] }

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
}

function parseValue(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase();
  if (spec.names) {
    const index = spec.names.indexOf(upper);
    if (index >= 0) return spec.min === 1 ? index + 1 : index;
  }
  if (!/^\d+$/.test(text)) throw new CronError(`'${text}' is not a valid ${spec.name}`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw new CronError(`${spec.name} ${value} is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') throw new CronError(`empty list item in ${spec.name} '${text}'`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new CronError(`'${item}' has more than one step in ${spec.name}`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
        throw new CronError(`step '${stepText}' in ${spec.name} must be a whole number from 1`);
      }
      step = Number(stepText);
    }
    let start: number;
    let end: number;
    if (range === '*') {
      start = spec.min;
      end = spec.max === 7 ? 6 : spec.max;
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined || a === '' || b === '') throw new CronError(`'${range}' is not a valid range`);
      start = parseValue(a, spec);
      end = parseValue(b, spec);
      if (start > end) throw new CronError(`range ${range} in ${spec.name} runs backwards`);
    } else {
      start = parseValue(range, spec);
      end = stepText !== undefined ? (spec.max === 7 ? 6 : spec.max) : start;
    }
    for (let v = start; v <= end; v += step) values.add(spec.max === 7 && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    throw new CronError(`a cron expression has 5 fields (minute hour day-of-month month day-of-week), `
      + `this one has ${parts.length}`);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((p, i) => parseField(p, FIELDS[i]));
  return {
    minutes, hours, daysOfMonth, months, daysOfWeek,
    domRestricted: !parts[2].startsWith('*'),
    dowRestricted: !parts[4].startsWith('*'),
  };
}

interface Wall { year: number; month: number; day: number; hour: number; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      });
    } catch {
      throw new CronError(`unknown time zone '${timeZone}'; use an IANA name such as Australia/Sydney`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallOf(instant: number, timeZone: string): Wall {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute };
}

const wallMs = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** The instant at which the zone's clock shows the wall time, or null if that time does not exist there. */
function instantOf(wall: Wall, timeZone: string): number | null {
  const target = wallMs(wall);
  const candidates = new Set<number>();
  for (const probe of [target - 36e5 * 14, target, target + 36e5 * 14]) {
    const offset = wallMs(wallOf(probe, timeZone)) - probe;
    candidates.add(target - offset);
  }
  const matching = [...candidates].filter((c) => wallMs(wallOf(c, timeZone)) === target).sort((a, b) => a - b);
  return matching.length > 0 ? matching[0] : null;
}

function dayMatches(s: CronSchedule, year: number, month: number, day: number): boolean {
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const domOk = s.daysOfMonth.has(day);
  const dowOk = s.daysOfWeek.has(dow);
  if (s.domRestricted && s.dowRestricted) return domOk || dowOk;
  if (s.domRestricted) return domOk;
  if (s.dowRestricted) return dowOk;
  return true;
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

/** The next `count` run instants strictly after `from`. Searches at most eight years ahead. */
export function nextRuns(expression: string, timeZone: string, from: Date = new Date(), count = 5): Date[] {
  const schedule = parseCron(expression);
  formatter(timeZone);
  const minutes = sorted(schedule.minutes);
  const hours = sorted(schedule.hours);
  const startInstant = Math.floor(from.getTime() / 60000) * 60000 + 60000;
  const start = wallOf(startInstant, timeZone);
  const runs: Date[] = [];
  const day = new Date(Date.UTC(start.year, start.month - 1, start.day));
  for (let i = 0; i < 366 * 8 && runs.length < count; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    const year = day.getUTCFullYear();
    const month = day.getUTCMonth() + 1;
    const date = day.getUTCDate();
    if (!schedule.months.has(month) || !dayMatches(schedule, year, month, date)) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const instant = instantOf({ year, month, day: date, hour, minute }, timeZone);
        if (instant === null || instant < startInstant) continue;
        if (runs.length > 0 && instant <= runs[runs.length - 1].getTime()) continue;
        runs.push(new Date(instant));
        if (runs.length === count) return runs;
      }
    }
  }
  return runs;
}

/** A run as people read it, in the schedule's time zone: "Mon, 1 Dec 2025, 09:00". */
export function formatRun(run: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).format(run);
}
