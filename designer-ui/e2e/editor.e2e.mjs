/**
 * The editor's second round end to end, against the real app: build an If / Then from the form alone and deploy it,
 * run the manual workflow from the editor and watch it end, load its data into the editor, autocomplete a {{path}},
 * preview a schedule from the server, compare and restore a version, check an HTTP form, then export the workflow,
 * delete it, import the file and run it again. Screenshots at 1400x900 go to SCREENSHOT_DIR.
 * Environment: BASE_URL, ADMIN_PASSWORD, SCREENSHOT_DIR, CHROMIUM (as designer.e2e.mjs).
 * Prints "E2E OK" and exits 0 when every check passed.
 */
import { readFileSync } from 'node:fs';
import { base, check, scenario } from './scenario.mjs';

const password = process.env.ADMIN_PASSWORD;
const name = `E2E budget check ${Date.now().toString(36)}`;

await scenario('editor', async ({ page, byId, begin, shot }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const text = async (id) => (await byId(id).textContent()) ?? '';
  const statusLine = (part) => page.waitForFunction(
    (p) => document.querySelector('[data-testid="status-line"]')?.textContent?.includes(p), part);
  /** The form field of a step: RJSF names it step-<key>_<field>. */
  const field = (key, fieldName) => page.locator(`[id="step-${key}_${fieldName}"]`);

  begin('sign in');
  await page.goto(base);
  await byId('login-username').fill('admin');
  await byId('login-password').fill(password);
  await byId('login-submit').click();
  await byId('current-user').waitFor();

  begin('build an If / Then from the form alone');
  await page.goto(`${base}#/workflows/new`);
  await byId('editor').waitFor();
  await byId('workflow-name').fill(name);
  await byId('tag-input').fill('e2e');
  await byId('tag-input').press('Enter');
  await byId('palette-data.transform').click();
  await field('1', 'expression').fill('{"budget_utilization": 95}');
  await byId('step-name').fill('Budget figures');
  await byId('step-notes').fill('Stands in for the finance API');
  await byId('test-step-button').click();
  await byId('step-result').waitFor();
  check((await text('step-result')).includes('95'), `step 1's test shows no output: ${await text('step-result')}`);
  await byId('palette-control.condition').click();
  await byId('step-node-2').waitFor();
  await byId('conditions-add').click();
  await byId('conditions-field-0').fill('step_1.budget');
  await byId('suggestion-step_1.budget_utilization').waitFor();
  await byId('conditions-field-0').press('Enter');
  check(await byId('conditions-field-0').inputValue() === 'step_1.budget_utilization', 'the field was not completed');
  await byId('conditions-operator-0').selectOption('greater_than');
  await byId('conditions-value-0').fill('90');
  await shot('01-if-then-form');
  await byId('branch-2-then').click();
  await byId('palette-data.transform').click();
  await byId('step-node-2.then.1').waitFor();
  await field('2.then.1', 'expression').fill('"over budget: " & $string(step_1.budget_utilization)');
  await byId('palette-data.transform').click();
  await byId('step-node-3').waitFor();
  check(await byId('step-node-2.then.2').count() === 0, 'the next palette click landed in the then branch again');
  await field('3', 'expression').fill('"checked"');
  // the canvas lays new steps out and fits the view in an animation: wait for it to settle below the branch
  await page.waitForFunction(([upper, lower]) => {
    const box = (id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    const a = box(upper);
    const b = box(lower);
    return a && b && b.top > a.bottom;
  }, ['step-node-2.then.1', 'step-node-3'], { timeout: 5_000 })
    .catch(() => { throw new Error('step 3 is not drawn below the If / Then block'); });
  await shot('02-canvas');

  begin('save with Ctrl+S and deploy');
  await byId('workflow-name').press('Control+s');
  await statusLine('Saved version 1');
  await byId('deploy-button').click();
  await byId('undeploy-button').waitFor();
  await statusLine('Deployed version 1');
  const workflowId = new URL(page.url()).hash.split('/').pop();
  check(workflowId && workflowId.length > 10, `no workflow id in ${page.url()}`);
  await shot('03-deployed');

  begin('run the manual workflow from the editor');
  await byId('tab-test').click();
  await byId('test-data').fill('{"requested_by": "e2e"}');
  await byId('run-button').click();
  await byId('run-result').waitFor();
  // the run is followed live: wait for its last step, then its branch step, to show completed
  await page.waitForFunction(() => document.querySelector('[data-testid="step-test-status-3"]')?.textContent?.includes('completed'),
    null, { timeout: 20_000 }).catch(() => { throw new Error('the run did not reach step 3'); });
  check((await text('step-test-status-2.then.1')).includes('completed'), 'the then branch did not run');
  check((await text('run-result')).includes('over budget: 95'), `the run shows no output: ${await text('run-result')}`);
  const executionLink = await byId('open-execution').getAttribute('href');
  check(executionLink.includes('/executions/'), 'no link to the execution');
  await shot('04-run');

  begin('load the run\'s data into the editor, as the monitor links to it');
  await byId('test-data').fill('{}');
  await byId('nav-executions').click();
  await page.goto(`${base}#/workflows/${workflowId}?execution=${executionLink.split('/').pop()}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="test-data"]')?.value.includes('"e2e"'));
  check((await text('run-result')).includes('over budget: 95'), 'the loaded execution is not on show');

  begin('test, autocomplete and preview');
  await byId('test-button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="test-result-status"]')?.textContent === 'completed');
  await byId('step-node-3').click();
  await field('3', 'expression').fill('');
  await field('3', 'expression').pressSequentially('"{{step_');
  await byId('suggestion-step_1.budget_utilization').waitFor();
  await shot('05-autocomplete');
  await field('3', 'expression').press('Escape');
  await field('3', 'expression').fill('"{{step_1.budget_utilization}}"');
  check((await text('expression-preview')).includes('95'), `no preview: ${await text('expression-preview')}`);
  await field('3', 'expression').fill('"checked"');

  begin('compare and restore a version');
  await byId('workflow-name').fill(`${name} v2`);
  await byId('save-button').click();
  await statusLine('Saved version 2');
  await byId('tab-versions').click();
  await byId('version-1').waitFor();
  await byId('version-compare-1').click();
  await byId('diff-view').waitFor();
  await page.waitForFunction(() => /changed line/.test(document.querySelector('[data-testid="diff-summary"]')?.textContent ?? ''));
  check((await text('diff-view')).includes(`${name} v2`), 'the diff does not show the renamed workflow');
  await shot('06-diff');
  await byId('diff-restore').click();
  await statusLine('Version 3');
  check(await byId('workflow-name').inputValue() === name, 'the restored version has not the old name');
  await byId('version-3').waitFor();
  await shot('07-versions');

  begin('an HTTP form and a schedule preview in a new workflow');
  await page.goto(`${base}#/workflows/new`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="workflow-name"]')?.value ?? 'x') === '');
  check(await byId('step-node-1').count() === 0, 'the new workflow kept the old steps');
  await byId('palette-http.request').click();
  const labels = await page.locator('[data-testid="step-panel"] .rjsf label').allTextContents();
  check(labels[0]?.startsWith('URL'), `the first field is not the URL: ${labels.join(', ')}`);
  check(await page.getByLabel('Fail on error').isChecked(), 'fail_on_error is not shown as set');
  await shot('08-http-form');
  await byId('tab-trigger').click();
  await byId('trigger-type').selectOption('schedule');
  await page.locator('[id="trigger_cron_expression"]').fill('30 9 * * MON-FRI');
  await page.locator('[id="trigger_timezone"]').fill('America/New_York');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cron-run"]').length === 5);
  const first = await page.locator('[data-testid="cron-run-zone"]').first().textContent();
  check(first.includes('09:30'), `the preview is not at 09:30 in New York: ${first}`);
  await shot('09-schedule-preview');

  begin('export, delete, import and run again');
  await byId('nav-workflows').click();
  await byId('workflow-search').fill(name);
  const row = byId(`workflow-row-${workflowId}`);
  await row.waitFor();
  await byId('filter-tag').selectOption('e2e');
  await shot('10-workflows-filtered');
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('workflow-export').click()]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  check(exported.workflows?.[0]?.name === name, 'the export holds another workflow');
  await row.getByTestId('workflow-delete').click();
  await row.waitFor({ state: 'detached' });
  await byId('import-file').setInputFiles(file);
  await byId('import-report').waitFor();
  check((await text('import-report')).includes(name), 'the import report does not name the workflow');
  await shot('11-imported');
  await byId('import-report').getByRole('link', { name }).click();
  await byId('step-node-2.then.1').waitFor();
  await byId('run-button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="test-result-status"]')?.textContent === 'completed',
    null, { timeout: 20_000 });
  check((await text('run-result')).includes('over budget: 95'), 'the imported workflow did not run');
  await shot('12-imported-run');
});
