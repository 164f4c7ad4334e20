import { describe, expect, it } from 'vitest';
import { CronError, formatRun, nextRuns, parseCron } from './cron';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const FROM = new Date('2025-03-05T10:17:30Z'); // a Wednesday

describe('cron next runs', () => {
  it('runs every minute for * * * * *', () => {
    expect(iso(nextRuns('* * * * *', 'UTC', FROM, 3))).toEqual([
      '2025-03-05T10:18:00.000Z', '2025-03-05T10:19:00.000Z', '2025-03-05T10:20:00.000Z',
    ]);
  });

  it('supports steps, lists and ranges', () => {
    expect(iso(nextRuns('*/15 9-10 * * *', 'UTC', FROM, 4))).toEqual([
      '2025-03-05T10:30:00.000Z', '2025-03-05T10:45:00.000Z', '2025-03-06T09:00:00.000Z', '2025-03-06T09:15:00.000Z',
    ]);
    expect(iso(nextRuns('0,30 12 1,15 * *', 'UTC', FROM, 3))).toEqual([
      '2025-03-15T12:00:00.000Z', '2025-03-15T12:30:00.000Z', '2025-04-01T12:00:00.000Z',
    ]);
    expect(iso(nextRuns('5/20 0 * * *', 'UTC', FROM, 3))).toEqual([
      '2025-03-06T00:05:00.000Z', '2025-03-06T00:25:00.000Z', '2025-03-06T00:45:00.000Z',
    ]);
  });

  it('understands day and month names in any case', () => {
    expect(iso(nextRuns('0 9 * * MON', 'UTC', FROM, 2))).toEqual(['2025-03-10T09:00:00.000Z', '2025-03-17T09:00:00.000Z']);
    expect(iso(nextRuns('0 9 * * mon-wed', 'UTC', FROM, 2))).toEqual(['2025-03-10T09:00:00.000Z', '2025-03-11T09:00:00.000Z']);
    expect(iso(nextRuns('0 0 1 JAN,jul *', 'UTC', FROM, 2))).toEqual(['2025-07-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
  });

  it('treats 7 and 0 as Sunday', () => {
    expect(iso(nextRuns('0 8 * * 7', 'UTC', FROM, 1))).toEqual(['2025-03-09T08:00:00.000Z']);
    expect(iso(nextRuns('0 8 * * 0', 'UTC', FROM, 1))).toEqual(['2025-03-09T08:00:00.000Z']);
  });

  it('matches either day field when both are restricted, as Unix cron does', () => {
    // the 13th, or any Friday
    expect(iso(nextRuns('0 0 13 * FRI', 'UTC', FROM, 3))).toEqual([
      '2025-03-07T00:00:00.000Z', '2025-03-13T00:00:00.000Z', '2025-03-14T00:00:00.000Z',
    ]);
  });

  it('computes runs in the chosen time zone (the design weekly report: 9:00 Monday in Sydney)', () => {
    const runs = nextRuns('0 9 * * MON', 'Australia/Sydney', FROM, 2);
    // Sydney is on daylight time (UTC+11) in March: 09:00 local is 22:00 UTC on Sunday
    expect(iso(runs)).toEqual(['2025-03-09T22:00:00.000Z', '2025-03-16T22:00:00.000Z']);
    expect(formatRun(runs[0], 'Australia/Sydney')).toBe('Mon, 10 Mar 2025, 09:00');
  });

  it('follows daylight saving changes and skips local times that do not exist', () => {
    // New York springs forward on 2025-03-09: 02:30 does not exist that day
    const runs = nextRuns('30 2 * * *', 'America/New_York', new Date('2025-03-07T12:00:00Z'), 3);
    expect(iso(runs)).toEqual(['2025-03-08T07:30:00.000Z', '2025-03-10T06:30:00.000Z', '2025-03-11T06:30:00.000Z']);
  });

  it('finds rare dates such as the 29th of February', () => {
    expect(iso(nextRuns('0 0 29 2 *', 'UTC', FROM, 1))).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('explains what is wrong with an invalid expression', () => {
    expect(() => parseCron('0 9 * *')).toThrow(/5 fields/);
    expect(() => parseCron('60 * * * *')).toThrow(/minute 60 is out of range 0-59/);
    expect(() => parseCron('0 9 * * FUNDAY')).toThrow(CronError);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step/);
    expect(() => parseCron('0 17-9 * * *')).toThrow(/backwards/);
    expect(() => nextRuns('0 9 * * *', 'Mars/Olympus', FROM)).toThrow(/unknown time zone/);
  });
});
