/**
 * Testing one step with pinned data, end to end: a pinned output feeds the step after it instead of the step running,
 * "Test this step" stops after that step, and "Run up to here" without the pin runs from the sample data. Needs the
 * engine's `pinned` and `stop_after` on POST /api/workflows/test (docs/api.md) and the token sign-in, so it runs where
 * engine-monitor.e2e.mjs runs (MonitorBrowserIT) once the editor is merged with them.
 * Environment: BASE_URL, ADMIN_TOKEN, SCREENSHOT_DIR, CHROMIUM. Prints "E2E OK" when every check passed.
 */
import { adminToken, base, check, scenario, signInWithToken } from './scenario.mjs';

await scenario('engine-editor', async ({ page, byId, begin, shot }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const text = async (id) => (await byId(id).textContent()) ?? '';
  const field = (key, name) => page.locator(`[id="step-${key}_${name}"]`);
  const testEnded = () => page.waitForFunction(() => !document.querySelector('[data-testid="test-button"]')?.disabled);

  begin('sign in with the token');
  await page.goto(base);
  await signInWithToken(page, adminToken);
  await byId('current-user').waitFor();

  begin('three steps, the second adds one to the first');
  await page.goto(`${base}#/workflows/new`);
  await byId('workflow-name').fill(`E2E pinned ${Date.now().toString(36)}`);
  await byId('palette-data.transform').click();
  await field('1', 'expression').fill('n');
  await byId('palette-data.transform').click();
  await field('2', 'expression').fill('step_1 + 1');
  await byId('palette-data.transform').click();
  await field('3', 'expression').fill('"after"');

  begin('pin the first step\'s output from a test run');
  await byId('tab-test').click();
  await byId('test-data').fill('{"n": 41}');
  await byId('test-run').click();
  await byId('test-step-1').waitFor();
  await byId('pin-1').click();
  await byId('step-pinned-1').waitFor();

  begin('test the second step alone with the pinned output');
  await byId('test-data').fill('{"n": 1}');
  await byId('step-node-2').click();
  await byId('test-step-button').click();
  await testEnded();
  await byId('step-result').waitFor();
  check((await text('step-result')).includes('42'), `step 2 did not use the pinned 41: ${await text('step-result')}`);
  check(await byId('step-test-status-3').count() === 0, 'the test went on past step 2');
  await shot('13-pinned-step-test');

  begin('run up to the second step without the pin');
  await byId('step-node-1').click();
  await byId('unpin-button').click();
  await byId('step-node-2').click();
  await byId('run-up-to-button').click();
  await testEnded();
  check((await text('step-result')).includes('2'), `step 2 did not use the sample data: ${await text('step-result')}`);
  check(await byId('step-test-status-3').count() === 0, 'run up to here went on past step 2');
});
