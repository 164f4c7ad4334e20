import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test/fixtures';
import { SchedulePreview } from './SchedulePreview';

afterEach(() => vi.unstubAllGlobals());

/** What the server answers for "30 9 * * MON-FRI" in America/New_York (SchedulePreviewIT checks the same). */
const NEW_YORK = ['2026-12-07T09:30:00-05:00', '2026-12-08T09:30:00-05:00', '2026-12-09T09:30:00-05:00',
  '2026-12-10T09:30:00-05:00', '2026-12-11T09:30:00-05:00'];

describe('schedule preview', () => {
  it('shows the server\'s next fire times in the schedule\'s zone and in the user\'s zone', async () => {
    const calls = stubApi({
      'POST /api/schedules/preview': () => ({ body: { timezone: 'America/New_York', next: NEW_YORK } }),
    });
    render(<SchedulePreview expression="30 9 * * MON-FRI" timeZone="America/New_York" userZone="Europe/Berlin" />);
    const zone = await screen.findAllByTestId('cron-run-zone');
    expect(zone.map((cell) => cell.textContent)).toEqual(['Mon, 7 Dec 2026, 09:30', 'Tue, 8 Dec 2026, 09:30',
      'Wed, 9 Dec 2026, 09:30', 'Thu, 10 Dec 2026, 09:30', 'Fri, 11 Dec 2026, 09:30']);
    expect(screen.getAllByTestId('cron-run-local').map((cell) => cell.textContent)[0]).toBe('Mon, 7 Dec 2026, 15:30');
    expect(screen.getByTestId('cron-preview')).toHaveTextContent('Your time (Europe/Berlin)');
    expect(calls.filter((c) => c.path === '/api/schedules/preview').map((c) => c.body))
      .toEqual([{ cron_expression: '30 9 * * MON-FRI', timezone: 'America/New_York' }]);
  });

  it('names the zone the server uses when the schedule sets none, never UTC by itself', async () => {
    const calls = stubApi({
      'POST /api/schedules/preview': () => ({ body: { timezone: 'Australia/Sydney',
        next: ['2026-12-07T09:00:00+11:00'] } }),
    });
    render(<SchedulePreview expression="0 9 * * *" timeZone={undefined} userZone="UTC" />);
    expect(await screen.findByTestId('cron-default-zone')).toHaveTextContent('the server runs this schedule in Australia/Sydney');
    expect(screen.getByTestId('cron-run-zone')).toHaveTextContent('Mon, 7 Dec 2026, 09:00');
    expect(screen.getByTestId('cron-run-local')).toHaveTextContent('Sun, 6 Dec 2026, 22:00');
    expect(calls[0].body).toEqual({ cron_expression: '0 9 * * *' });
  });

  it('shows the server\'s reason for a schedule it refuses', async () => {
    stubApi({
      'POST /api/schedules/preview': () => ({ status: 422, body: { title: 'Invalid', status: 422, errors: [
        { path: 'cron_expression', code: 'invalid_cron', message: 'the expression restricts both the day of month and the day of week' },
      ] } }),
    });
    render(<SchedulePreview expression="0 9 1 * MON" timeZone="UTC" userZone="UTC" />);
    expect(await screen.findByTestId('cron-error')).toHaveTextContent('restricts both the day of month');
    expect(screen.queryByTestId('cron-run')).not.toBeInTheDocument();
  });

  it('asks once after typing stops', async () => {
    const calls = stubApi({
      'POST /api/schedules/preview': () => ({ body: { timezone: 'UTC', next: ['2026-12-07T09:00:00Z'] } }),
    });
    const { rerender } = render(<SchedulePreview expression="0" timeZone="UTC" userZone="UTC" />);
    rerender(<SchedulePreview expression="0 9" timeZone="UTC" userZone="UTC" />);
    rerender(<SchedulePreview expression="0 9 * * *" timeZone="UTC" userZone="UTC" />);
    await screen.findByTestId('cron-run');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toEqual({ cron_expression: '0 9 * * *', timezone: 'UTC' });
  });
});
