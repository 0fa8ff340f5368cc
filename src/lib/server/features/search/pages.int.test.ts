import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { listAuditLog } from '../accounts/queries';
import { reindexAll } from './mutations';
import {
	actions as synonymActions,
	load as synonymsLoad
} from '../../../../routes/beheer/synoniemen/+page.server';
import { GET as apiSearch } from '../../../../routes/api/v1/search/+server';
import { load as searchLoad } from '../../../../routes/zoeken/+page.server';

const origin = 'https://kennisnetwerk.example';
type Member = Awaited<ReturnType<typeof buildMember>>;

/** The synonyms page, the search page and the API as SvelteKit calls them. */
describe.each(DIALECTS)('search pages and API on %s', (dialect) => {
	let handle: TestDatabase;
	let editor: Member;
	let member: Member;

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		editor = await buildMember(handle.db, { name: 'Eva Redacteur', role: 'editor' });
		member = await buildMember(handle.db, { name: 'Mo Lid' });
		await reindexAll(handle.db);
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	const locals = (user: Member | null) => ({
		db: handle.db,
		user: user
			? {
					id: user.id,
					name: user.name,
					email: user.email,
					role: user.role,
					status: user.status,
					twoFactorEnabled: false
				}
			: null
	});

	async function call(
		fn: (event: never) => unknown,
		user: Member | null,
		path: string,
		form?: Record<string, string>
	): Promise<{ data?: unknown; status?: number; location?: string }> {
		const url = new URL(path, origin);
		const request = new Request(url, {
			method: form ? 'POST' : 'GET',
			body: form ? new URLSearchParams(form) : undefined
		});
		try {
			const data = await fn({ locals: locals(user), url, request, params: {} } as never);
			const failed = data as { status?: number; data?: unknown } | undefined;
			if (failed && typeof failed === 'object' && 'status' in failed && 'data' in failed) {
				return { status: failed.status, data: failed.data };
			}
			return { data };
		} catch (thrown) {
			const t = thrown as { status?: number; location?: string };
			return { status: t.status, location: t.location };
		}
	}

	it('lets editors keep the synonyms, in the audit log; members are refused, visitors sent to sign in', async () => {
		expect(await call(synonymsLoad, null, '/beheer/synoniemen')).toMatchObject({
			status: 303,
			location: '/inloggen?terug=%2Fbeheer%2Fsynoniemen'
		});
		expect(await call(synonymsLoad, member, '/beheer/synoniemen')).toMatchObject({ status: 403 });
		expect(
			await call(synonymActions.toevoegen!, member, '/beheer/synoniemen?/toevoegen', {
				terms: 'a = b'
			})
		).toMatchObject({ status: 403 });

		const page = (await call(synonymsLoad, editor, '/beheer/synoniemen')).data as {
			sets: { terms: string[] }[];
		};
		expect(page.sets.map((s) => s.terms.join(' = '))).toEqual([
			'mkb = midden- en kleinbedrijf',
			'EZ = economische zaken',
			'KVK = Kamer van Koophandel',
			'circulair = circulaire economie'
		]);

		expect(
			await call(synonymActions.toevoegen!, editor, '/beheer/synoniemen?/toevoegen', {
				terms: 'alleen één'
			})
		).toMatchObject({ status: 400, data: { problem: 'too_few_terms' } });
		expect(
			await call(synonymActions.toevoegen!, editor, '/beheer/synoniemen?/toevoegen', {
				terms: ' zzp =  zelfstandige zonder personeel '
			})
		).toMatchObject({ data: { done: 'zzp = zelfstandige zonder personeel' } });
		const after = (await call(synonymsLoad, editor, '/beheer/synoniemen')).data as {
			sets: { id: string; terms: string[]; addedBy: string | null }[];
		};
		const added = after.sets.at(-1)!;
		expect(added).toMatchObject({ terms: ['zzp', 'zelfstandige zonder personeel'] });
		expect(added.addedBy).toBe('Eva Redacteur');
		expect(
			await call(synonymActions.verwijderen!, editor, '/beheer/synoniemen?/verwijderen', {
				id: added.id
			})
		).toMatchObject({ data: { done: 'zzp = zelfstandige zonder personeel' } });
		expect(
			await call(synonymActions.verwijderen!, editor, '/beheer/synoniemen?/verwijderen', {
				id: added.id
			})
		).toMatchObject({ status: 404 });

		const log = await listAuditLog(handle.db, { page: 1 });
		expect(log.rows.map((r) => [r.action, r.actor_name]).slice(0, 2)).toEqual([
			['synonym.removed', 'Eva Redacteur'],
			['synonym.added', 'Eva Redacteur']
		]);
	});

	it('answers bad queries on the page with a status, never an error', async () => {
		const statusOf = async (q: string) =>
			(
				(await call(searchLoad, null, `/zoeken?q=${encodeURIComponent(q)}`)).data as {
					status: string;
				}
			).status;
		expect(await statusOf('')).toBe('empty');
		expect(await statusOf('" * :')).toBe('empty');
		expect(await statusOf('NEAR(')).toBe('done');
		expect(await statusOf('x'.repeat(10_000))).toBe('too_long');
		const zwolle = (await call(searchLoad, null, '/zoeken?q=zwolle&soort=organisaties')).data as {
			kind: string;
			result: { hits: { kind: string }[] };
		};
		expect(zwolle.kind).toBe('organisation');
		expect(zwolle.result.hits.map((h) => h.kind)).toEqual(['organisation']);
	});

	it('gives the API a 400 with a stable code for bad input, and hits with marked HTML', async () => {
		const get = async (query: string) => {
			const url = new URL(`/api/v1/search?${query}`, origin);
			const response = (await apiSearch({
				locals: locals(member),
				url,
				request: new Request(url),
				params: {}
			} as never)) as Response;
			return { status: response.status, body: (await response.json()) as Record<string, unknown> };
		};
		expect(await get('q=%22')).toMatchObject({
			status: 400,
			body: { error: { code: 'query_empty' } }
		});
		expect(await get(`q=${'a'.repeat(10_000)}`)).toMatchObject({
			status: 400,
			body: { error: { code: 'query_too_long' } }
		});
		expect(await get('q=zwolle&kind=thema')).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_kind' } }
		});
		const found = await get('q=mo%20lid&kind=member');
		expect(found.status).toBe(200);
		expect(found.body).toMatchObject({
			total: 1,
			items: [{ kind: 'member', id: member.id, titleHtml: '<mark>Mo</mark> <mark>Lid</mark>' }]
		});
	});
});
