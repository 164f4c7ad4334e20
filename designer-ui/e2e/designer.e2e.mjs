/**
 * The designer end to end, against the real app: sign in, (template), build a workflow from the palette, see a
 * validation error and fix it, test it, save, deploy, trigger its webhook, follow the execution in the monitor, and
 * open the dashboard and Hawtio. Screenshots of each screen go to SCREENSHOT_DIR.
 * Environment: BASE_URL (http://127.0.0.1:port/), ADMIN_PASSWORD, SCREENSHOT_DIR, CHROMIUM (default /usr/bin/chromium).
 * Exits 0 and prints "E2E OK" when every check passed; prints the failed step and exits 1 otherwise.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';

const base = (process.env.BASE_URL ?? 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const password = process.env.ADMIN_PASSWORD;
const shots = process.env.SCREENSHOT_DIR ?? 'e2e-screenshots';
mkdirSync(shots, { recursive: true });

let step = 'start';
const log = (text) => console.log(`[e2e] ${text}`);
const check = (condition, message) => { if (!condition) throw new Error(message); };
const begin = (name) => { step = name; log(name); };

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

const browser = await openBrowser();
const page = browser.context.pages()[0] ?? await browser.context.newPage();
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));
const byId = (id) => page.getByTestId(id);
let current = page;

try {
  begin('sign in');
  await page.goto(base);
  await byId('login-username').fill('admin');
  await byId('login-password').fill('wrong password');
  await byId('login-submit').click();
  await byId('login-error').waitFor();
  await shot(page, '01-login');
  await byId('login-password').fill(password);
  await byId('login-submit').click();
  await byId('current-user').waitFor();
  check((await byId('current-user').textContent()).includes('admin'), 'the signed-in user is not shown');

  begin('templates');
  const templates = await (await page.request.get(`${base}api/templates`)).json().catch(() => []);
  await byId('nav-templates').click();
  if (Array.isArray(templates) && templates.length > 0) {
    const card = byId(`template-${templates[0].id}`);
    await card.getByTestId('template-preview').click();
    await card.getByTestId('template-preview-body').waitFor();
    await shot(page, '02-template-preview');
    await card.getByTestId('template-use').click();
    await byId('editor').waitFor();
    await page.locator('[data-testid^="step-node-"]').first().waitFor();
    await shot(page, '02-from-template');
  } else {
    log('no templates on this branch yet: the workflow is built from the palette');
    await page.waitForTimeout(300);
    await shot(page, '02-templates');
  }

  begin('new workflow from the palette');
  await byId('nav-workflows').click();
  await byId('new-workflow').click();
  await byId('editor').waitFor();
  await byId('workflow-name').fill('E2E greeter');
  await byId('trigger-type').selectOption('webhook');
  await byId('palette-data.transform').click();
  await byId('step-node-1').waitFor();
  await page.locator('#step-1_expression').fill('{"greeting": "Hello " & webhook_data.name}');
  await byId('palette-http.request').click();
  await byId('step-node-2').waitFor();

  begin('validation error');
  await byId('save-button').click();
  await byId('field-error-config.url').waitFor();
  await byId('step-error-badge-2').waitFor();
  await byId('field-error-config.url').scrollIntoViewIfNeeded();
  await shot(page, '03-validation-error');

  begin('fix and test');
  await page.locator('#step-2_url').fill(`${base}actuator/health`);
  await byId('tab-test').click();
  await byId('test-data').fill('{"webhook_data": {"name": "Ada"}}');
  await byId('test-run').click();
  await byId('test-step-2').waitFor();
  const testText = await byId('test-panel').textContent();
  check(testText.includes('Hello Ada'), `the test run shows no step output: ${testText}`);
  check(testText.includes('UP'), `the HTTP step's output is missing: ${testText}`);
  check(await byId('field-error-config.url').count() === 0, 'the fixed error is still shown');
  await shot(page, '04-test-run');

  begin('save and deploy');
  await byId('save-button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status-line"]')?.textContent?.includes('saved'));
  await byId('deploy-button').click();
  await byId('undeploy-button').waitFor();
  await byId('tab-trigger').click();
  const webhookUrl = (await byId('webhook-url').textContent()).trim();
  const workflowId = new URL(page.url()).hash.split('/').pop();
  check(webhookUrl.includes('/webhooks/workflow/'), `no webhook URL: ${webhookUrl}`);
  await shot(page, '05-deployed');

  begin('trigger the webhook');
  const answer = await fetch(webhookUrl, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Grace' }),
  });
  check(answer.status === 202, `the webhook answered ${answer.status}`);
  const executionId = (await answer.json()).execution_ids[0];

  begin('the execution in the monitor');
  await byId('nav-executions').click();
  await byId(`execution-row-${executionId}`).waitFor();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="execution-row-${id}"]`)
    ?.textContent?.includes('completed'), executionId, { timeout: 20_000 });
  await shot(page, '06-executions');
  await byId(`execution-row-${executionId}`).locator('a').first().click();
  await byId('timeline-step-1').waitFor();
  await byId('timeline-step-2').waitFor();
  check((await byId('execution-detail').textContent()).includes('Hello Grace'), 'the step output is not shown');
  await shot(page, '07-execution-detail');

  begin('dashboard');
  await byId('nav-dashboard').click();
  await byId('dashboard-workflows').waitFor();
  check((await byId('dashboard-workflows').textContent()).includes('E2E greeter'), 'the dashboard lacks the workflow');
  check(Number(await byId('kpi-total').textContent()) >= 1, 'the dashboard counts no execution');
  await byId('chart-executions').waitFor();
  await shot(page, '08-dashboard');

  begin('metrics');
  const metrics = await (await page.request.get(`${base}actuator/prometheus`)).text();
  check(/placemat_workflow_executions_total\{[^}]*status="completed"/.test(metrics), 'no execution counter in /actuator/prometheus');
  check(metrics.includes('placemat_workflow_step_duration_seconds'), 'no step timer in /actuator/prometheus');
  check(metrics.includes('camel_exchanges_total'), 'no Camel route metrics in /actuator/prometheus');

  begin('hawtio');
  const [console] = await Promise.all([browser.context.waitForEvent('page'), byId('nav-hawtio').click()]);
  await console.waitForLoadState('domcontentloaded');
  await console.getByText('Camel', { exact: true }).first().waitFor({ timeout: 30_000 });
  current = console;
  await console.getByText('routes', { exact: true }).first().click();
  // a workflow's route is named for people: '<name> (v<version>)', once it has run
  for (const routeId of ['webhooks$', 'E2E greeter \\(v\\d+\\)']) {
    await console.getByText(new RegExp(`^${routeId}`)).first().waitFor({ timeout: 30_000 });
  }
  await shot(console, '09-hawtio');

  check(consoleErrors.length === 0, `the page threw: ${consoleErrors.join('; ')}`);
  log('E2E OK');
} catch (e) {
  console.error(`[e2e] FAILED at "${step}": ${e instanceof Error ? e.stack : e}`);
  await shot(current, `failed-${step.replace(/\W+/g, '-')}`).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
