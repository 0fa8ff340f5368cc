import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import type { SessionUser } from '../../platform/session';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { createItem } from './mutations';
import { knowledgeInputSchema } from './schema';
import { GET as apiList, POST as apiCreate } from '../../../../routes/api/v1/knowledge/+server';
import {
	GET as apiItem,
	PATCH as apiPatch
} from '../../../../routes/api/v1/knowledge/[slug]/+server';
import { GET as rss } from '../../../../routes/kennis/rss.xml/+server';
import { load as libraryLoad } from '../../../../routes/kennis/+page.server';
import { actions as editActions } from '../../../../routes/kennis/[slug]/bewerken/+page.server';
import { actions as versionActions } from '../../../../routes/kennis/[slug]/versies/+page.server';

const origin = 'https://kennisnetwerk.example';
type Member = Awaited<ReturnType<typeof buildMember>>;

function sessionUser(m: Member): SessionUser {
	return {
		id: m.id,
		name: m.name,
		email: m.email,
		role: m.role,
		status: m.status,
		twoFactorEnabled: true
	};
}

describe.each(DIALECTS)('knowledge API, feed and library page on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function call(
		handler: (event: never) => unknown,
		input: {
			user: Member | null;
			path: string;
			params?: Record<string, string>;
			method?: string;
			body?: unknown;
		}
	) {
		const url = new URL(input.path, origin);
		const request = new Request(url, {
			method: input.method ?? (input.body === undefined ? 'GET' : 'POST'),
			headers: { 'content-type': 'application/json' },
			body: input.body === undefined ? undefined : JSON.stringify(input.body)
		});
		const response = (await handler({
			locals: { db: handle.db, user: input.user ? sessionUser(input.user) : null },
			url,
			params: input.params ?? {},
			request
		} as never)) as Response;
		const text = await response.text();
		return {
			status: response.status,
			text,
			body: (response.headers.get('content-type')?.includes('json')
				? JSON.parse(text)
				: {}) as Record<string, unknown>
		};
	}

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const author = await buildMember(db, { name: 'Anke Auteur' });
		const reader = await buildMember(db, { name: 'Lezer' });
		const network = await buildNetwork(db, { name: 'Kring' });
		await addNetworkMember(db, network.id, author.id);
		const make = async (title: string, visibility: string, extra: Record<string, unknown> = {}) => {
			const result = await createItem(db, {
				writerId: author.id,
				input: knowledgeInputSchema.parse({
					kind: 'insight',
					title,
					summary: `Samenvatting van ${title}`,
					body: 'Ondernemers in de regio en hun ondersteuning.',
					themes: ['digitalisering'],
					provinces: ['NL-UT'],
					visibility,
					network: visibility === 'network' ? network.slug : '',
					...extra
				}),
				publish: true
			});
			if (!result.ok) throw new Error(result.reason);
			return result;
		};
		const open = await make('Openbaar inzicht', 'public');
		const members = await make('Ledeninzicht', 'members');
		const inner = await make('Kringinzicht', 'network');
		return { db, author, reader, network, open, members, inner };
	}

	it('never returns a hidden item from the API, the feed or the library page', async () => {
		const { author, reader, open, members, inner } = await setup();
		const titles = (body: Record<string, unknown>) =>
			(body.items as { title: string }[]).map((i) => i.title).sort();

		const visitorList = await call(apiList, { user: null, path: '/api/v1/knowledge' });
		expect(visitorList.status).toBe(200);
		expect(titles(visitorList.body)).toEqual(['Openbaar inzicht']);
		expect(visitorList.body.total).toBe(1);
		const facets = visitorList.body.facets as Record<string, { value: string; count: number }[]>;
		expect(facets.theme).toEqual([
			{ value: 'digitalisering', label: 'Digitalisering', count: 1, selected: false }
		]);
		const readerList = await call(apiList, { user: reader, path: '/api/v1/knowledge' });
		expect(titles(readerList.body)).toEqual(['Ledeninzicht', 'Openbaar inzicht']);
		const authorList = await call(apiList, { user: author, path: '/api/v1/knowledge?sort=useful' });
		expect(titles(authorList.body)).toHaveLength(3);

		expect(
			(await call(apiItem, { user: null, path: '', params: { slug: members.slug } })).status
		).toBe(404);
		expect(
			(await call(apiItem, { user: reader, path: '', params: { slug: inner.slug } })).status
		).toBe(404);
		const item = await call(apiItem, { user: null, path: '', params: { slug: open.slug } });
		expect(item.status).toBe(200);
		expect(item.body).toMatchObject({ slug: open.slug, version: 1, kind: 'insight' });
		// Related items in the API: the hidden ones are left out for a visitor.
		expect(item.body.related).toEqual([]);
		const forAuthor = await call(apiItem, { user: author, path: '', params: { slug: open.slug } });
		expect((forAuthor.body.related as unknown[]).length).toBe(2);

		const feed = await call(rss, { user: null, path: '/kennis/rss.xml' });
		expect(feed.status).toBe(200);
		expect(feed.text).toContain('<title>Openbaar inzicht</title>');
		expect(feed.text).not.toContain('Ledeninzicht');
		expect(feed.text).not.toContain('Kringinzicht');

		const page = (await libraryLoad({
			locals: { db: handle.db, user: null },
			url: new URL('/kennis?thema=digitalisering', origin),
			params: {}
		} as never)) as { items: { title: string }[]; total: number };
		expect(page.items.map((i) => i.title)).toEqual(['Openbaar inzicht']);
		expect(page.total).toBe(1);

		expect(
			(await call(apiList, { user: null, path: '/api/v1/knowledge?year=nonsense' })).status
		).toBe(400);
	});

	it('creates through the API and refuses a stale edit with 409, keeping the first', async () => {
		const { author, reader, network } = await setup();
		const created = await call(apiCreate, {
			user: reader,
			path: '/api/v1/knowledge',
			body: {
				kind: 'practice_example',
				title: 'Bedrijfsbezoeken samen plannen',
				summary: 'Twee gemeenten plannen hun bedrijfsbezoeken samen.',
				challenge: 'Dubbele bezoeken.',
				visibility: 'public',
				publish: true
			}
		});
		expect(created.status).toBe(201);
		const slug = String(created.body.slug);
		expect(created.body).toMatchObject({ status: 'published', version: 1 });

		// Sharing in a network one is not in is refused.
		const intruding = await call(apiCreate, {
			user: reader,
			path: '/api/v1/knowledge',
			body: {
				kind: 'insight',
				title: 'In andermans kring',
				summary: 'Niet de bedoeling.',
				body: 'Tekst',
				visibility: 'network',
				network: network.slug
			}
		});
		expect(intruding.status).toBe(403);
		expect(
			(await call(apiCreate, { user: reader, path: '/api/v1/knowledge', body: {} })).status
		).toBe(400);

		// Someone else than the author may not edit.
		const foreign = await call(apiPatch, {
			user: author,
			path: '',
			method: 'PATCH',
			params: { slug },
			body: { version: 1, summary: 'Overgenomen' }
		});
		expect(foreign.status).toBe(403);

		const first = await call(apiPatch, {
			user: reader,
			path: '',
			method: 'PATCH',
			params: { slug },
			body: { version: 1, summary: 'Eerste wijziging.' }
		});
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ version: 2, summary: 'Eerste wijziging.' });
		const stale = await call(apiPatch, {
			user: reader,
			path: '',
			method: 'PATCH',
			params: { slug },
			body: { version: 1, summary: 'Tweede wijziging op een oude versie.' }
		});
		expect(stale.status).toBe(409);
		expect(stale.body).toMatchObject({ error: { code: 'changed' } });
		const now = await call(apiItem, { user: null, path: '', params: { slug } });
		expect(now.body).toMatchObject({ version: 2, summary: 'Eerste wijziging.' });
	});

	it('tells the edit form that the item changed meanwhile, keeps the text, and restores from the history page', async () => {
		const { author, open } = await setup();
		const post = async (
			action: (event: never) => unknown,
			path: string,
			fields: [string, string][]
		): Promise<{ status?: number; location?: string; data?: Record<string, unknown> }> => {
			const form = new FormData();
			for (const [k, v] of fields) form.append(k, v);
			const url = new URL(path, origin);
			try {
				const result = (await action({
					locals: { db: handle.db, user: sessionUser(author) },
					url,
					params: { slug: open.slug },
					request: new Request(url, { method: 'POST', body: form })
				} as never)) as { status: number; data: Record<string, unknown> };
				return { status: result.status, data: result.data };
			} catch (thrown) {
				const t = thrown as { status?: number; location?: string };
				return { status: t.status, location: t.location };
			}
		};
		const fields = (summary: string, version: string): [string, string][] => [
			['kind', 'insight'],
			['title', 'Openbaar inzicht'],
			['summary', summary],
			['body', 'Ondernemers in de regio en hun ondersteuning.'],
			['themes', 'digitalisering'],
			['provinces', 'NL-UT'],
			['visibility', 'public'],
			['version', version]
		];
		const path = `/kennis/${open.slug}/bewerken`;
		const first = await post(
			editActions.default as never,
			path,
			fields('Nieuwe samenvatting.', '1')
		);
		expect(first).toMatchObject({ status: 303, location: `/kennis/${open.slug}` });
		const stale = await post(editActions.default as never, path, fields('Mijn eigen versie.', '1'));
		expect(stale.status).toBe(409);
		expect(stale.data).toMatchObject({ problem: 'changed' });
		expect((stale.data?.values as { summary: string }).summary).toBe('Mijn eigen versie.');

		const restored = await post(
			versionActions.herstellen as never,
			`/kennis/${open.slug}/versies`,
			[
				['number', '1'],
				['version', '2']
			]
		);
		expect(restored).toMatchObject({ status: 303 });
		const now = await call(apiItem, { user: null, path: '', params: { slug: open.slug } });
		expect(now.body).toMatchObject({ version: 3, summary: 'Samenvatting van Openbaar inzicht' });
	});
});
