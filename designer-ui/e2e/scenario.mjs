/**
 * What the monitor scenarios share: the environment (BASE_URL, ADMIN_TOKEN, SCREENSHOT_DIR), a 1400x900 page,
 * named steps with screenshots, the API with the admin token, and the verdict ("E2E OK", or the failed step and a
 * screenshot of it, exit code 1).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';

export const base = (process.env.BASE_URL ?? 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
export const adminToken = process.env.ADMIN_TOKEN;
const shots = process.env.SCREENSHOT_DIR ?? 'e2e-screenshots';

export const check = (condition, message) => { if (!condition) throw new Error(message); };

/** The API as a script would call it, with the admin token. */
export async function call(method, path, body) {
  const answer = await fetch(base + path, {
    method, headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Runs `steps({ page, byId, begin, shot, log })` in a fresh browser; screenshots are named `<prefix>-<name>.png`. */
export async function scenario(prefix, steps) {
  mkdirSync(shots, { recursive: true });
  let step = 'start';
  const log = (text) => console.log(`[e2e] ${text}`);
  const browser = await openBrowser();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const shot = (name) => page.screenshot({ path: join(shots, `${prefix}-${name}.png`), fullPage: false });
  const begin = (name) => { step = name; log(name); };
  try {
    await steps({ page, byId: (id) => page.getByTestId(id), begin, shot, log });
    check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`);
    log('E2E OK');
  } catch (e) {
    console.error(`[e2e] FAILED at "${step}": ${e instanceof Error ? e.stack : e}`);
    await shot(`failed-${step.replace(/\W+/g, '-')}`).catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** Signs in on the login page with an API token. */
export async function signInWithToken(page, token) {
  await page.getByTestId('login-method-token').click();
  await page.getByTestId('login-token').fill(token);
  await page.getByTestId('login-submit').click();
}
