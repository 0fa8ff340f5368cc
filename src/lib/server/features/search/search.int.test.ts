import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { eraseAccount } from '../accounts/mutations';
import {
	createReply,
	createThread,
	deleteThread,
	editThread,
	moveThread
} from '../discussions/mutations';
import { updateNetwork } from '../networks/mutations';
import { VISITOR, type Viewer } from '../viewer';
import { segmentsToHtml } from './analyser';
import {
	addSynonymSet,
	indexMember,
	reindexAll,
	removeSynonymSet,
	upsertSearchDocument
} from './mutations';
import { listSynonymSets, search, suggest } from './queries';

const origin = 'https://kennisnetwerk.example';

/** The fixed corpus of the relevance table: threads in a public network. */
const CORPUS: [title: string, body: string][] = [
	['Ondernemer zoekt financiering', 'Een ondernemer in Zwolle zocht krediet voor zijn bedrijf.'],
	[
		'Regionaal accountmanagement',
		'Hoe organiseer je accountmanagement voor bedrijven in de regio?'
	],
	['Account management bij de provincie', 'Goed account management begint met luisteren.'],
	['Ondersteuning van het mkb', 'De gemeente Assen biedt ondersteuning van het mkb met een loket.'],
	[
		'Samenwerken met de Kamer van Koophandel',
		'Samen met de Kamer van Koophandel hielden we spreekuren.'
	],
	[
		'Coöperatie van ondernemers in Twente',
		'Een coöperatie bundelt de inkoop voor kleine bedrijven.'
	],
	['Werken aan een circulaire economie', 'Grondstoffen hergebruiken in de maakindustrie.'],
	['Beleid van Economische Zaken', 'De afdeling Economische Zaken schreef een nieuwe agenda.'],
	[
		'Kansen voor het midden- en kleinbedrijf',
		'Digitalisering helpt het midden- en kleinbedrijf vooruit.'
	]
];

/** Query -> the titles that must be the top results (in any order among themselves). */
const RELEVANCE: [query: string, top: string[]][] = [
	// inflections
	['ondernemers', ['Ondernemer zoekt financiering', 'Coöperatie van ondernemers in Twente']],
	['ondernemer financieringen', ['Ondernemer zoekt financiering']],
	// compounds, both ways
	['accountmanagement', ['Regionaal accountmanagement', 'Account management bij de provincie']],
	['account management', ['Regionaal accountmanagement', 'Account management bij de provincie']],
	['mkb-ondersteuning', ['Ondersteuning van het mkb']],
	// synonyms
	['mkb', ['Ondersteuning van het mkb', 'Kansen voor het midden- en kleinbedrijf']],
	[
		'midden- en kleinbedrijf',
		['Ondersteuning van het mkb', 'Kansen voor het midden- en kleinbedrijf']
	],
	['KVK', ['Samenwerken met de Kamer van Koophandel']],
	['EZ', ['Beleid van Economische Zaken']],
	['circulair', ['Werken aan een circulaire economie']],
	// accents
	['coöperatie', ['Coöperatie van ondernemers in Twente']],
	['cooperatie', ['Coöperatie van ondernemers in Twente']],
	// every word, and phrases
	['ondernemer zwolle', ['Ondernemer zoekt financiering']],
	['"kamer van koophandel"', ['Samenwerken met de Kamer van Koophandel']]
];

describe.each(DIALECTS)('search on %s', (dialect) => {
	let handle: TestDatabase;
	let member: Viewer;
	let insider: Viewer;
	let outsider: Viewer;
	let admin: Viewer;
	let adminId: string;
	let publicNetwork: { id: string; slug: string };
	let privateNetwork: { id: string; slug: string; name: string };
	let privateThreadId: string;
	const titleOf = (hit: { title: { text: string }[] }) => hit.title.map((s) => s.text).join('');

	const found = async (viewer: Viewer, query: string, kind?: 'discussion' | 'member') => {
		const result = await search(handle.db, { viewer, query, kind, pageSize: 50 });
		if (!result.ok) throw new Error(`search refused: ${result.reason}`);
		return result;
	};
	const titles = async (viewer: Viewer, query: string) =>
		(await found(viewer, query)).hits.map(titleOf);

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		const author = await buildMember(db, { name: 'Anke Veldman' });
		const inside = await buildMember(db, { name: 'Ingrid Binnen' });
		const outside = await buildMember(db, { name: 'Otto Buiten' });
		const boss = await buildMember(db, { name: 'Beheerder Bea', role: 'admin' });
		adminId = boss.id;
		admin = { kind: 'member', userId: boss.id, role: 'admin' };
		member = { kind: 'member', userId: author.id, role: 'member' };
		insider = { kind: 'member', userId: inside.id, role: 'member' };
		outsider = { kind: 'member', userId: outside.id, role: 'member' };
		publicNetwork = await buildNetwork(db, { name: 'Ondernemen in de regio' });
		privateNetwork = await buildNetwork(db, { name: 'Besloten werkgroep', visibility: 'private' });
		await addNetworkMember(db, publicNetwork.id, author.id);
		await addNetworkMember(db, privateNetwork.id, author.id);
		await addNetworkMember(db, privateNetwork.id, inside.id);
		await reindexAll(db);

		for (const [title, body] of CORPUS) {
			const made = await createThread(db, {
				networkId: publicNetwork.id,
				authorId: author.id,
				kind: 'discussion',
				title,
				body,
				origin
			});
			if (!made.ok) throw new Error(made.reason);
		}
		const secret = await createThread(db, {
			networkId: privateNetwork.id,
			authorId: author.id,
			kind: 'discussion',
			title: 'Vertrouwelijk: zonnepanelen op het bedrijventerrein',
			body: 'Plannen voor zonnepanelen; de ondernemers weten het nog niet.',
			origin
		});
		if (!secret.ok) throw new Error(secret.reason);
		privateThreadId = secret.id;
		const reply = await createReply(db, {
			threadId: secret.id,
			authorId: inside.id,
			body: 'Een geheime reactie over de **begroting**.',
			origin,
			evenIfLocked: false
		});
		if (!reply.ok) throw new Error(reply.reason);
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it.each(RELEVANCE)('finds %s: the expected top results', async (query, top) => {
		const result = await titles(member, query);
		expect(result.slice(0, top.length).sort()).toEqual([...top].sort());
	});

	it('needs every word of a query', async () => {
		expect(await titles(member, 'ondernemer twente')).toEqual([
			'Coöperatie van ondernemers in Twente'
		]);
		expect(await titles(member, 'coöperatie zwolle')).toEqual([]);
	});

	it('finds organisations and networks from the reference, also for visitors', async () => {
		const result = await found(VISITOR, 'zwolle');
		const kinds = result.hits.map((h) => `${h.kind}:${titleOf(h)}`);
		expect(kinds).toContain('organisation:Gemeente Zwolle');
		expect(kinds).toContain('network:Regio Zwolle');
		// Discussions and members are for members only.
		expect(result.facets.map((f) => f.kind)).toEqual(['network', 'organisation']);
	});

	it('marks the words found in titles and snippets, HTML escaped', async () => {
		const result = await found(member, 'ondernemers zwolle');
		const hit = result.hits[0]!;
		expect(segmentsToHtml(hit.title)).toBe('<mark>Ondernemer</mark> zoekt financiering');
		expect(segmentsToHtml(hit.snippet)).toContain('<mark>ondernemer</mark> in <mark>Zwolle</mark>');
	});

	it('filters by kind outside the match and counts every kind in the facets', async () => {
		const all = await found(member, 'anke');
		expect(all.facets).toEqual([{ kind: 'member', count: 1 }]);
		const onlyDiscussions = await found(member, 'ondernemers', 'discussion');
		expect(onlyDiscussions.hits.every((h) => h.kind === 'discussion')).toBe(true);
		const facets = Object.fromEntries(onlyDiscussions.facets.map((f) => [f.kind, f.count]));
		expect(facets.discussion).toBe(onlyDiscussions.total);
	});

	it('refuses a query of only FTS syntax or punctuation, and one that is too long', async () => {
		for (const query of ['"', '*', ':', '"" * ( ) : ^', '   ']) {
			expect(await search(handle.db, { viewer: member, query })).toEqual({
				ok: false,
				reason: 'empty'
			});
		}
		expect(await search(handle.db, { viewer: member, query: 'x'.repeat(10_000) })).toEqual({
			ok: false,
			reason: 'too_long'
		});
		// Operators are only words: a harmless search.
		const near = await search(handle.db, { viewer: member, query: 'NEAR(ondernemer* mkb)' });
		expect(near.ok).toBe(true);
	});

	describe('visibility', () => {
		it('keeps a private network’s threads and replies from outsiders: results, facets, counts', async () => {
			for (const viewer of [outsider, VISITOR]) {
				for (const query of ['zonnepanelen', 'begroting', 'vertrouwelijk', 'besloten werkgroep']) {
					const result = await found(viewer, query);
					expect(result.hits).toEqual([]);
					expect(result.facets).toEqual([]);
					expect(result.total).toBe(0);
				}
				expect(await suggest(handle.db, { viewer, query: 'zonnepan' })).toEqual([]);
			}
			expect(await titles(insider, 'zonnepanelen')).toEqual([
				'Vertrouwelijk: zonnepanelen op het bedrijventerrein'
			]);
			expect((await found(insider, 'begroting')).hits).toHaveLength(1);
			expect((await found(admin, 'begroting')).hits).toHaveLength(1);
			expect(await titles(insider, 'besloten werkgroep')).toEqual(['Besloten werkgroep']);
		});

		it('counts only what the viewer may see in the facets', async () => {
			const count = async (viewer: Viewer) =>
				(await found(viewer, 'ondernemers')).facets.find((f) => f.kind === 'discussion')?.count;
			expect((await count(insider))! - (await count(outsider))!).toBe(1);
		});

		it('shows members only to members', async () => {
			expect((await found(VISITOR, 'veldman')).hits).toEqual([]);
			expect(await titles(outsider, 'veldman')).toEqual(['Anke Veldman']);
		});

		it('follows a network’s visibility and a thread’s move at once', async () => {
			await updateNetwork(handle.db, {
				networkId: privateNetwork.id,
				settings: {
					name: privateNetwork.name,
					kind: 'thematic',
					summary: 'Nu voor alle leden',
					description: '',
					audience: '',
					visibility: 'members',
					joinPolicy: 'request'
				}
			});
			expect((await found(outsider, 'begroting')).hits).toHaveLength(1);
			expect((await found(VISITOR, 'begroting')).hits).toHaveLength(0);
			await updateNetwork(handle.db, {
				networkId: privateNetwork.id,
				settings: {
					name: privateNetwork.name,
					kind: 'thematic',
					summary: 'Weer besloten',
					description: '',
					audience: '',
					visibility: 'private',
					joinPolicy: 'invitation'
				}
			});
			expect((await found(outsider, 'begroting')).hits).toHaveLength(0);

			const made = await createThread(handle.db, {
				networkId: publicNetwork.id,
				authorId: member.kind === 'member' ? member.userId : '',
				kind: 'question',
				title: 'Wie kent een goede windmolenexpert?',
				body: 'Graag tips.',
				origin
			});
			if (!made.ok) throw new Error(made.reason);
			expect(await titles(outsider, 'windmolenexpert')).toHaveLength(1);
			await moveThread(handle.db, {
				threadId: made.id,
				networkId: privateNetwork.id,
				actorId: adminId
			});
			expect(await titles(outsider, 'windmolenexpert')).toHaveLength(0);
			expect(await titles(insider, 'windmolenexpert')).toHaveLength(1);
		});
	});

	it('follows edits and deletions of threads', async () => {
		const authorId = member.kind === 'member' ? member.userId : '';
		const made = await createThread(handle.db, {
			networkId: publicNetwork.id,
			authorId,
			kind: 'discussion',
			title: 'Eerste versie',
			body: 'Over havens.',
			origin
		});
		if (!made.ok) throw new Error(made.reason);
		await editThread(handle.db, {
			threadId: made.id,
			editorId: authorId,
			title: 'Tweede versie over logistiek',
			body: 'Over luchthavens.',
			origin,
			evenIfLocked: false
		});
		expect(await titles(member, 'havens')).toEqual([]);
		expect(await titles(member, 'logistiek')).toEqual(['Tweede versie over logistiek']);
		await deleteThread(handle.db, { threadId: made.id, actorId: authorId, moderated: false });
		expect(await titles(member, 'logistiek')).toEqual([]);
	});

	it('forgets an erased member and the posts they removed', async () => {
		const leaver = await buildMember(handle.db, { name: 'Lotte Vertrekker' });
		await indexMember(handle.db, leaver.id);
		await addNetworkMember(handle.db, publicNetwork.id, leaver.id);
		const made = await createThread(handle.db, {
			networkId: publicNetwork.id,
			authorId: leaver.id,
			kind: 'discussion',
			title: 'Mijn bijdrage over glastuinbouw',
			body: 'Tekst',
			origin
		});
		if (!made.ok) throw new Error(made.reason);
		expect(await titles(member, 'vertrekker')).toEqual(['Lotte Vertrekker']);
		await eraseAccount(handle.db, { userId: leaver.id, removeContributions: true });
		expect(await titles(member, 'vertrekker')).toEqual([]);
		expect(await titles(member, 'glastuinbouw')).toEqual([]);
	});

	it('suggests titles for an unfinished word, with the words typed so far', async () => {
		const titlesOf = async (query: string) =>
			(await suggest(handle.db, { viewer: member, query })).map((s) => s.title);
		expect(await titlesOf('accountman')).toContain('Regionaal accountmanagement');
		expect(await titlesOf('kansen midd')).toEqual(['Kansen voor het midden- en kleinbedrijf']);
		expect(await titlesOf('"*')).toEqual([]);
	});

	it('lets editors’ synonyms count at once, and indexes knowledge and events given to it', async () => {
		expect(await titles(member, 'zzp')).toEqual([]);
		await upsertSearchDocument(handle.db, {
			kind: 'knowledge',
			refId: 'k1',
			title: 'Zelfstandigen zonder personeel in de regio',
			text: 'Een praktijkvoorbeeld.',
			url: '/kennis/k1',
			visibility: 'public'
		});
		const added = await addSynonymSet(handle.db, {
			actorId: adminId,
			terms: ['zzp', 'zelfstandigen zonder personeel']
		});
		expect(added.ok).toBe(true);
		expect(await titles(VISITOR, 'zzp')).toEqual(['Zelfstandigen zonder personeel in de regio']);
		expect((await listSynonymSets(handle.db)).map((s) => s.terms[0])).toEqual([
			'mkb',
			'EZ',
			'KVK',
			'circulair',
			'zzp'
		]);
		if (added.ok) await removeSynonymSet(handle.db, { actorId: adminId, id: added.id });
		expect(await titles(VISITOR, 'zzp')).toEqual([]);
		expect(await addSynonymSet(handle.db, { actorId: adminId, terms: ['alleen'] })).toEqual({
			ok: false,
			reason: 'too_few_terms'
		});
	});

	it('rebuilds the same index from scratch', async () => {
		const before = await titles(insider, 'ondernemers');
		await reindexAll(handle.db);
		expect(await titles(insider, 'ondernemers')).toEqual(before);
		expect(privateThreadId).toBeTruthy();
	});
});
