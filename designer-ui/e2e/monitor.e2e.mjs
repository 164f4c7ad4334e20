/**
 * The monitor and admin screens end to end, against the packaged app started with only WORKFLOWS_ADMIN_TOKEN (no
 * admin password): sign in with the token, see what a template needs and create its connection, use the template,
 * users and roles, API tokens (shown once, then signing in with one), the audit trail, the cluster page, an
 * execution on the canvas (a skipped step in grey), the dashboard, dark mode, the favicon and the Swagger UI.
 * Environment: BASE_URL, ADMIN_TOKEN, SCREENSHOT_DIR, CHROMIUM. Prints "E2E OK" when every check passed.
 */
import { adminToken, base, call, check, scenario, signInWithToken } from './scenario.mjs';

await scenario('monitor', async ({ page, byId, begin, shot, log }) => {
  const textOf = async (id) => (await byId(id).textContent()) ?? '';

  begin('sign in with the admin token (there is no admin password)');
  await page.goto(base);
  await signInWithToken(page, 'pmw_not-a-token');
  await byId('login-error').waitFor();
  check((await textOf('login-error')).includes('not valid'), 'a wrong token is not refused');
  await shot('01-login-token');
  await signInWithToken(page, adminToken);
  await byId('current-user').waitFor();
  check((await textOf('current-user')).includes('admin'), 'the token did not sign in the admin');

  begin('favicon');
  const icon = await fetch(`${base}favicon.ico`);
  check(icon.status === 200 && (icon.headers.get('content-type') ?? '').includes('icon'),
    `/favicon.ico answered ${icon.status} ${icon.headers.get('content-type')}`);

  begin('a template says which connection it needs');
  const templates = await call('GET', 'api/templates');
  const template = templates.find((t) => JSON.stringify(t.template_config).includes('"connection":"finance"'));
  check(template, 'no template uses the finance connection');
  await byId('nav-templates').click();
  const card = byId(`template-${template.id}`);
  await card.getByTestId('template-connection-finance').waitFor();
  check((await card.getByTestId('template-connection-finance').textContent()).includes('missing'),
    'the missing finance connection is not pointed out');
  await card.scrollIntoViewIfNeeded();
  await shot('02-template-needs-connection');

  begin('create the connection from the template\'s link');
  await card.getByTestId('template-create-connection-finance').click();
  await byId('connection-form').waitFor();
  check(await byId('connection-name').inputValue() === 'finance', 'the connection name is not filled in');
  check(await byId('connection-type').inputValue() === 'database', 'the connection type is not database');
  await byId('connection-field-url').fill('jdbc:postgresql://127.0.0.1:1/finance');
  await byId('connection-field-username').fill('finance_app');
  await byId('connection-field-password').fill('e2e-secret-password');
  if (await byId('connection-share-editor').count()) await byId('connection-share-editor').check();
  await shot('03-connection-form');
  await byId('connection-save').click();
  await byId('connection-row-finance').waitFor();
  const row = await textOf('connection-row-finance');
  check(row.includes('********') && !row.includes('e2e-secret-password'), `the secret is shown: ${row}`);

  begin('test the connection');
  await byId('connection-test-finance').click();
  await byId('connection-test-result-finance').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="connection-test-result-finance"]')
    ?.textContent?.includes('Testing'));
  log(`test result: ${await textOf('connection-test-result-finance')}`);

  begin('use the template: its connection is ready');
  await byId('nav-templates').click();
  await card.getByText('ready').waitFor();
  await card.getByTestId('template-use').click();
  await byId('editor').waitFor();
  const workflowId = new URL(page.url()).hash.split('/').pop().split('?')[0];
  await byId('nav-connections').click();
  await page.waitForFunction((id) => document.querySelector('[data-testid="connection-usage-finance"] a')
    ?.getAttribute('href')?.includes(id), workflowId);
  check((await textOf('connection-usage-finance')).includes(template.name), 'the connection does not list its workflow');
  await shot('04-connections');

  begin('edit the connection without revealing its secret');
  await byId('connection-edit-finance').click();
  check(await byId('connection-field-password').inputValue() === '', 'the saved password is shown in the form');
  await byId('connection-field-username').fill('finance_reader');
  await byId('connection-save').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="connection-row-finance"]')?.textContent
    ?.includes('finance_reader'));
  const fields = (await call('GET', 'api/connections/finance')).fields;
  check(fields.password === '********', 'the password was not kept');

  begin('users and roles');
  await byId('nav-admin').click();
  await byId('nav-users').click();
  await byId('user-username').fill('e2e-editor');
  await byId('user-password').fill('e2e-editor-password');
  await byId('user-create').click();
  await byId('user-row-e2e-editor').waitFor();
  await byId('user-role-e2e-editor').selectOption('viewer');
  for (let i = 0; i < 50; i += 1) {
    const users = await call('GET', 'api/users');
    if (users.find((u) => u.username === 'e2e-editor')?.role === 'viewer') break;
    await page.waitForTimeout(100);
  }
  check((await call('GET', 'api/users')).find((u) => u.username === 'e2e-editor')?.role === 'viewer', 'the role did not change');
  await shot('05-users');

  begin('an API token, shown once');
  await byId('nav-tokens').click();
  await byId('token-name').fill('e2e browser');
  await byId('token-create').click();
  const secret = (await textOf('token-secret')).trim();
  check(secret.startsWith('pmw_'), `no token shown: ${secret}`);
  await shot('06-token-created');
  await page.reload();
  await byId('token-row-e2e browser').waitFor();
  check(await byId('token-secret').count() === 0, 'the token is shown again after a reload');

  begin('sign out, and in with the new token');
  await byId('logout').click();
  await signInWithToken(page, secret);
  await byId('current-user').waitFor();

  begin('the audit trail');
  await byId('nav-admin').click();
  await byId('nav-audit').click();
  await byId('audit-action').selectOption('login.success');
  await page.waitForFunction(() => document.querySelector('[data-testid="audit-table"]')?.textContent?.includes('"method":"token"'));
  await shot('07-audit');

  begin('the cluster page');
  await byId('nav-admin').click();
  await byId('nav-cluster').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="cluster-table"]')?.textContent?.includes('alive (this node)'));
  await shot('08-cluster');

  begin('an execution on the canvas: a skipped step is grey, not an error');
  const created = await call('POST', 'api/workflows', {
    name: 'E2E monitor', description: 'data, a skipped step, data', trigger: { type: 'webhook', config: {} },
    steps: [
      { action_type: 'data.transform', config: { expression: '{"total": webhook_data.amount * 2}' } },
      { action_type: 'data.transform', config: { expression: '"never"' },
        condition: { field: 'step_1.total', operator: 'greater_than', value: 1000 } },
      { action_type: 'data.transform', config: { expression: '"done: " & $string(step_1.total)' } },
    ],
  });
  const deployed = await call('POST', `api/workflows/${created.id}/deploy`);
  const hook = await fetch(new URL(deployed.webhook_url, base), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: 21 }),
  });
  check(hook.status === 202, `the webhook answered ${hook.status}`);
  const executionId = (await hook.json()).execution_ids[0];
  await page.goto(`${base}#/executions/${executionId}`);
  await byId('step-node-3').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="execution-status"]')?.textContent === 'completed');
  await page.waitForFunction(() => document.querySelector('[data-testid="step-test-status-2"]')?.textContent?.includes('condition not met'));
  check(!(await byId('step-node-2').getAttribute('class')).includes('has-errors'), 'the skipped step is marked as an error');
  await byId('step-node-3').click();
  await byId('step-details-3').waitFor();
  check((await textOf('step-details-3')).includes('done: 42'), 'the step output is not shown');
  await shot('09-execution-canvas');

  begin('the dashboard: daily bars for 7 days');
  await byId('nav-dashboard').click();
  await byId('chart-executions').waitFor();
  check((await page.getByText('Executions per day').count()) === 1, 'the 7-day chart is not daily');
  await shot('10-dashboard');

  begin('dark mode');
  while ((await byId('theme-toggle').getAttribute('aria-label')) !== 'Theme: dark') await byId('theme-toggle').click();
  check(await page.evaluate(() => document.documentElement.dataset.theme) === 'dark', 'no dark theme');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(background !== 'rgb(245, 246, 248)', `the page is not dark: ${background}`);
  await shot('11-dashboard-dark');
  await page.goto(`${base}#/executions/${executionId}`);
  await byId('step-node-3').waitFor();
  await byId('step-node-2').click();
  await byId('step-details-2').waitFor();
  await shot('12-execution-dark');

  begin('the Swagger UI, for admins');
  await page.goto(`${base}swagger-ui/index.html`);
  await page.getByText('Placemat Workflows API').first().waitFor({ timeout: 30_000 });
  await shot('13-swagger-ui');

});
