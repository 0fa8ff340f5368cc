import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from './global-setup';

export const baseURL = () => inject('baseURL');

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** A private address per browser context, so each is its own client (random: files share none). */
function testClientAddress(): string {
	const octet = () => Math.floor(Math.random() * 254) + 1;
	return `10.${octet()}.${octet()}.${octet()}`;
}

/**
 * Opens a page and records what the browser complained about (CSP violations, script errors).
 * `baseURL` is the shared e2e server unless a test runs its own.
 */
export async function openPage(
	browser: Browser,
	options: { javaScript?: boolean; baseURL?: string } = {}
) {
	const context = await browser.newContext({
		baseURL: options.baseURL ?? baseURL(),
		extraHTTPHeaders: { 'x-forwarded-for': testClientAddress() },
		javaScriptEnabled: options.javaScript ?? true,
		locale: 'nl-NL'
	});
	const page = await context.newPage();
	if (options.javaScript ?? true) {
		// A full page load is only ready for input once Svelte has hydrated it: typing before that
		// is undone by the hydration (the input takes its server value again).
		const goto = page.goto.bind(page);
		page.goto = async (url, gotoOptions) => {
			const response = await goto(url, gotoOptions);
			if (response?.headers()['content-type']?.startsWith('text/html')) {
				await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			}
			return response;
		};
	}
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	return { page, problems, close: () => context.close() };
}

/**
 * What axe finds on the page, one line per violation: the WCAG 2.1 A and AA rules, and axe's
 * best practices (unique landmarks, heading order and the like), which screen-reader users
 * notice as much.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		// Only violations are collected in full (faster on big pages); before withTags, which
		// adds to these options (options() replaces them all).
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** axe with the WCAG 2.1 A and AA rules and its best practices: no violations allowed. */
export async function expectAccessible(page: Page) {
	expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/**
 * Signs in at /inloggen with the demo password unless another is given, then waits until the
 * browser is at `landing` (the home page; null: do not wait, the test looks itself).
 */
export async function signIn(
	page: Page,
	email: string,
	options: { password?: string; landing?: string | null } = {}
) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(options.password ?? DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	const landing = options.landing === undefined ? '/' : options.landing;
	if (landing !== null) await page.waitForURL((url) => url.pathname === landing);
}
