import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { freePort } from './process';

/**
 * Embedding for partner sites: /embed/evenementen (HTML for an iframe) and its JSON. Only
 * upcoming public events, whoever asks; cacheable (ETag, 304); framable by other sites, while
 * every other page keeps refusing frames.
 */

const INTERNATIONAL = 'Webinar: internationaal zakendoen na de coronacrisis';
const DATA = 'Webinar: data over het mkb in je regio';
const EMBED = '/embed/evenementen?thema=internationalisering';

interface Item {
	id: string;
	title: string;
	url: string;
	startsAt: string;
	timeZone: string;
	themes: { id: string }[];
}

describe('embedding', () => {
	let browser: Browser;
	let partner: http.Server;
	let partnerURL = '';

	beforeAll(async () => {
		browser = await launchBrowser();
		// Another origin (127.0.0.1 and its own port, where the app is on localhost) that frames
		// the list, as a partner's site would.
		const port = await freePort();
		partner = http.createServer((req, res) => {
			const src = `${baseURL()}${decodeURIComponent(req.url?.slice(1) || EMBED)}`;
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(`<!doctype html>
<html lang="nl" data-hydrated><head><meta charset="utf-8"><title>Partnersite</title></head>
<body><main><h1>Partnersite</h1>
<iframe src="${src}" title="Komende evenementen" width="600" height="400"></iframe>
</main></body></html>`);
		});
		await new Promise<void>((resolve) => partner.listen(port, '127.0.0.1', resolve));
		partnerURL = `http://127.0.0.1:${port}`;
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => partner?.close(resolve));
	});

	it('serves the HTML cacheable, with an ETag and 304, framable only under /embed/', async () => {
		const response = await fetch(`${baseURL()}${EMBED}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(response.headers.get('set-cookie')).toBeNull();
		const etag = response.headers.get('etag');
		expect(etag).toMatch(/^"[^"]+"$/);
		// Any site may frame it; the rest of the policy stays strict.
		expect(response.headers.get('x-frame-options')).toBeNull();
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain('frame-ancestors *');
		expect(csp).not.toContain("frame-ancestors 'none'");
		expect(csp).toContain("default-src 'none'");
		expect(csp).not.toContain('script-src');
		const html = await response.text();
		expect(html).toContain(INTERNATIONAL);
		expect(html).not.toContain(DATA);

		const again = await fetch(`${baseURL()}${EMBED}`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(again.headers.get('cache-control')).toBe('public, max-age=300');
		expect(await again.text()).toBe('');
		const other = await fetch(`${baseURL()}/embed/evenementen`, {
			headers: { 'if-none-match': etag! }
		});
		expect(other.status).toBe(200);

		// Every other page still refuses to be framed.
		for (const path of ['/evenementen', '/evenementen/insluiten', '/']) {
			const page = await fetch(`${baseURL()}${path}`);
			expect(page.headers.get('x-frame-options'), path).toBe('DENY');
			expect(page.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
		}
	});

	it('serves the same list as JSON to any origin, with the same caching', async () => {
		const response = await fetch(`${baseURL()}/embed/evenementen.json?thema=internationalisering`, {
			headers: { origin: 'https://partner.example' }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(response.headers.get('set-cookie')).toBeNull();
		const etag = response.headers.get('etag')!;
		const body = (await response.json()) as { items: Item[] };
		expect(body.items.map((i) => i.title)).toEqual([INTERNATIONAL]);
		const [item] = body.items;
		expect(item!.url).toBe(`${baseURL()}/evenementen/${(item as { slug?: string }).slug}`);
		expect(item!.timeZone).toBe('Europe/Amsterdam');
		expect(item!.startsAt).toMatch(/Z$/);
		expect(item!.themes.map((t) => t.id)).toContain('internationalisering');

		const again = await fetch(`${baseURL()}/embed/evenementen.json?thema=internationalisering`, {
			headers: { 'if-none-match': etag }
		});
		expect(again.status).toBe(304);
		expect(again.headers.get('access-control-allow-origin')).toBe('*');

		const bad = await fetch(`${baseURL()}/embed/evenementen.json?thema=bestaat-niet`);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('access-control-allow-origin')).toBe('*');
		expect(await bad.json()).toEqual({
			error: {
				code: 'invalid_filter',
				field: 'thema',
				message: 'Het thema ‘bestaat-niet’ kennen we niet.'
			}
		});
		for (const query of ['aantal=0', 'aantal=21', 'provincie=NL-XX', 'formaat=x', 'taal=de']) {
			const r = await fetch(`${baseURL()}/embed/evenementen.json?${query}`);
			expect(r.status, query).toBe(400);
		}
	});

	it('answers a signed-in member as a visitor: only public events, no cookie set', async () => {
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member1@example.org');
		const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		expect(cookie).not.toBe('');
		// The member does see members' events in the calendar's API...
		const api = await fetch(`${baseURL()}/api/v1/events`, { headers: { cookie } });
		const mine = ((await api.json()) as { items: { title: string; visibility: string }[] }).items;
		expect(mine.some((e) => e.visibility !== 'public')).toBe(true);
		// ...but the embed shows exactly what an anonymous visitor gets.
		const anonymous = await fetch(`${baseURL()}/embed/evenementen.json?aantal=20`);
		const signedIn = await fetch(`${baseURL()}/embed/evenementen.json?aantal=20`, {
			headers: { cookie }
		});
		expect(signedIn.headers.get('set-cookie')).toBeNull();
		expect(signedIn.headers.get('etag')).toBe(anonymous.headers.get('etag'));
		const items = ((await signedIn.json()) as { items: Item[] }).items;
		const publicTitles = mine.filter((e) => e.visibility === 'public').map((e) => e.title);
		expect(items.map((i) => i.title)).toEqual(publicTitles);
		const html = await fetch(`${baseURL()}/embed/evenementen?aantal=20`, { headers: { cookie } });
		expect(html.headers.get('set-cookie')).toBeNull();
		const text = await html.text();
		for (const e of mine.filter((e) => e.visibility !== 'public')) {
			expect(text).not.toContain(e.title);
		}
		await close();
	});

	it('shows in a partner site’s iframe, with links to us in a new window, and passes axe', async () => {
		const { page, problems, close } = await openPage(browser, { baseURL: partnerURL });
		await page.goto('/');
		const frame = page.frameLocator('iframe');
		const link = frame.getByRole('link', { name: new RegExp(INTERNATIONAL) });
		await link.waitFor();
		expect(await link.getAttribute('target')).toBe('_blank');
		expect(await link.getAttribute('rel')).toBe('noopener');
		expect(await link.getAttribute('href')).toMatch(new RegExp(`^${baseURL()}/evenementen/`));
		expect(await frame.getByRole('listitem').count()).toBe(1);
		expect(await frame.locator('h1').innerText()).toBe('Komende evenementen');
		// axe looks into the frame as well.
		await expectAccessible(page);
		expect(problems).toEqual([]);
		await close();
	});

	it('is an accessible page of its own, in Dutch or English, and explains a wrong filter', async () => {
		const { page, problems, close } = await openPage(browser);
		// (No SvelteKit page: nothing hydrates, so go there with the frame's own navigation.)
		const goto = (path: string) => page.mainFrame().goto(`${baseURL()}${path}`);
		await goto(EMBED);
		expect(await page.getAttribute('html', 'lang')).toBe('nl');
		expect(await page.locator('h1').innerText()).toBe('Komende evenementen');
		expect(await page.getByRole('listitem').count()).toBe(1);
		expect(await page.locator('time').first().innerText()).toMatch(
			/^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+ \d{4}, 12:00–13:00$/
		);
		expect(await page.getByText('Online', { exact: true }).count()).toBe(1);
		await expectAccessible(page);

		await goto(`${EMBED}&taal=en`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').innerText()).toBe('Upcoming events');
		await expectAccessible(page);

		const wrong = await goto('/embed/evenementen?thema=bestaat-niet');
		expect(wrong?.status()).toBe(400);
		expect(await page.locator('.kn-embed__error').innerText()).toBe(
			'Het thema ‘bestaat-niet’ kennen we niet.'
		);
		await expectAccessible(page);
		// The stylesheet loaded under the strict policy: no CSP complaints.
		expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
		await close();
	});

	it('has a help page that makes the code and shows a live preview', async () => {
		const { page, problems, close } = await openPage(browser);
		await page.goto('/evenementen');
		await page.getByRole('link', { name: 'Evenementen op je eigen website tonen' }).click();
		await page.waitForURL((url) => url.pathname === '/evenementen/insluiten');
		expect(await page.locator('h1').innerText()).toBe('Evenementen op je eigen website');
		await page.frameLocator('iframe').getByRole('heading', { level: 1 }).waitFor();
		await expectAccessible(page);

		await page.getByLabel('Thema').selectOption({ label: 'Internationalisering' });
		await page.getByLabel('Aantal evenementen').fill('3');
		await page.getByLabel('Taal').selectOption('en');
		await page.getByRole('button', { name: 'Code maken' }).click();
		await page.waitForURL((url) => url.searchParams.get('thema') === 'internationalisering');
		const src = `${baseURL()}/embed/evenementen?thema=internationalisering&aantal=3&taal=en`;
		await expect
			.poll(() => page.getByLabel('HTML-code voor je pagina').inputValue())
			.toContain(`<iframe src="${src}"`);
		expect(await page.getByLabel('JSON-adres').inputValue()).toBe(
			`${baseURL()}/embed/evenementen.json?thema=internationalisering&aantal=3&taal=en`
		);
		// The preview follows (the list before the change had the same event: wait for English).
		const preview = page.frameLocator('iframe');
		await expect.poll(() => preview.locator('html').getAttribute('lang')).toBe('en');
		await preview.getByRole('link', { name: new RegExp(INTERNATIONAL) }).waitFor();
		expect(await preview.locator('h1').innerText()).toBe('Upcoming events');
		await expectAccessible(page);
		expect(problems).toEqual([]);
		await close();
	});

	it('has the help page in English too', async () => {
		const { page, close } = await openPage(browser);
		await page.context().addCookies([{ name: 'kn_taal', value: 'en', url: baseURL() }]);
		await page.goto('/evenementen/insluiten');
		expect(await page.locator('h1').innerText()).toBe('Events on your own website');
		expect(await page.getByLabel('HTML code for your page').inputValue()).toContain(
			'title="Komende evenementen van het Kennisnetwerk Regionale Economie"'
		);
		await expectAccessible(page);
		await close();
	});
});
