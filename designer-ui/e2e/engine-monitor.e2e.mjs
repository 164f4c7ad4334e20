/**
 * The execution view with the durable engine's API (docs: ENGINE-API of the second round): a running execution with a
 * 10 s wait shows `waiting` and then `completed` on the canvas without reloading; a run is cancelled, then run again
 * from a step. Needs the engine's waiting step rows, cancel on any node and rerun; MonitorBrowserIT runs it once
 * they are merged. Environment: BASE_URL, ADMIN_TOKEN, SCREENSHOT_DIR, CHROMIUM. Prints "E2E OK" when every check passed.
 */
import { adminToken, base, call, check, scenario, signInWithToken } from './scenario.mjs';

/** A deployed manual workflow: a wait of `seconds`, then a transform. */
async function waitingWorkflow(name, seconds) {
  const created = await call('POST', 'api/workflows', {
    name, description: `waits ${seconds} s`, trigger: { type: 'manual', config: {} },
    steps: [
      { action_type: 'data.transform', config: { expression: '{"started": true}' } },
      { action_type: 'control.wait', config: { duration_seconds: seconds } },
      { action_type: 'data.transform', config: { expression: '"after the wait"' } },
    ],
  });
  await call('POST', `api/workflows/${created.id}/deploy`);
  return created.id;
}

const badge = (key) => `[data-testid="step-test-status-${key}"]`;

await scenario('engine-monitor', async ({ page, byId, begin, shot, log }) => {
  begin('sign in with the token');
  await page.goto(base);
  await signInWithToken(page, adminToken);
  await byId('current-user').waitFor();

  begin('a 10 s wait shows waiting, then completed, without reloading');
  const waits = await waitingWorkflow('E2E waits 10 s', 10);
  const { execution_id: running } = await call('POST', `api/workflows/${waits}/execute`, {});
  await page.goto(`${base}#/executions/${running}`);
  await byId('step-node-2').waitFor();
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('waiting'), badge('2'),
    { timeout: 8_000 });
  check((await byId('execution-status').textContent()).startsWith('waiting'), 'the execution is not shown waiting');
  check(!(await page.locator(badge('2')).textContent()).includes('completed'), 'the wait is shown completed');
  await shot('01-waiting');
  const navigations = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'completed', badge('3'),
    { timeout: 25_000 });
  check((await byId('execution-status').textContent()) === 'completed', 'the execution did not end completed');
  check(navigations.length === 0, `the page reloaded: ${navigations.join(', ')}`);
  await shot('02-completed');

  begin('cancel a waiting run, then run it again from a step');
  const long = await waitingWorkflow('E2E waits 60 s', 60);
  const { execution_id: cancelled } = await call('POST', `api/workflows/${long}/execute`, {});
  await page.goto(`${base}#/executions/${cancelled}`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('waiting'), badge('2'),
    { timeout: 8_000 });
  await byId('execution-cancel').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="execution-status"]')?.textContent === 'cancelled',
    null, { timeout: 15_000 });
  await shot('03-cancelled');
  await byId('step-node-3').click();
  await byId('rerun-from-step').click();
  await page.waitForFunction((old) => !window.location.hash.includes(old) && window.location.hash.includes('/executions/'),
    cancelled, { timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="execution-status"]')?.textContent === 'completed',
    null, { timeout: 20_000 });
  const newId = new URL(page.url()).hash.split('/').pop();
  const detail = await call('GET', `api/executions/${newId}`);
  check(detail.rerun_of === cancelled, `the new run does not say it reruns ${cancelled}: ${detail.rerun_of}`);
  check(!detail.steps.some((s) => s.step_key === '2' && s.status === 'waiting'), 'the rerun waited again before step 3');
  await shot('04-rerun-from-step');

});
