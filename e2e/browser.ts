/**
 * Browser test kit: the real server (fresh embedded database, random port)
 * serving the built UI, and Debian's chromium driven by playwright-core.
 * Screenshots go to e2e/screenshots/ (git-ignored) for a human to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../test/harness.ts';

export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots', import.meta.url));
export { ADMIN_PASSWORD };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserKit {
  server: TestServer;
  browser: Browser;
  /** A new page in its own context (own cookies and localStorage), at a desktop or phone size. */
  newPage(options?: { phone?: boolean }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Closes everything; fails if any page threw or logged an error (a CSP violation, a crash). */
  close(): Promise<void>;
}

/** Refused API calls (401, 403, 404) are expected in these flows; the browser logs each as an error. */
const EXPECTED = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** `env` configures the server under test, as the environment configures `npm start`. */
export async function startBrowserKit(env: Record<string, string> = {}): Promise<BrowserKit> {
  const server = await startServer(env);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    async newPage({ phone = false } = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 800 },
        locale: 'zh-CN',
        isMobile: phone,
        hasTouch: phone,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED.test(message.text())) errors.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
    async screenshot(page, name) {
      // Let antd's transitions settle so the picture shows the final state.
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
      if (errors.length) throw new Error(`errors in the browser:\n${errors.join('\n')}`);
    },
  };
}

/** Logs in through the login form, as a user would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Picks an option of an antd Select and waits for `then`, what choosing it
 * brings up. Tried again when that does not come: on a loaded machine a click can
 * land while the dropdown is still opening and be lost (seen in CI).
 */
export async function chooseOption(page: Page, select: Locator, option: string, then: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    try {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click({ timeout: 5000 });
      await then.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The primary button of the open antd modal (its label may carry antd's spacing between two CJK characters). */
export function modalOk(page: Page) {
  return page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary');
}
