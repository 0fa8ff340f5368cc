import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoKnowledge } from '../../db/seed/demo-knowledge';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import type { Viewer } from '../viewer';
import { diffLines } from './diff';
import {
	addComment,
	adoptItem,
	createItem,
	publishItem,
	restoreRevision,
	toggleUseful,
	updateItem
} from './mutations';
import {
	draftsFor,
	feedItems,
	itemDetails,
	itemForViewer,
	listLibrary,
	relatedFor,
	revisionContent,
	revisionsOf
} from './queries';
import { type KnowledgeInput, knowledgeInputSchema, type LibraryFilters } from './schema';

type Member = Awaited<ReturnType<typeof buildMember>>;
const viewerOf = (m: Member): Viewer => ({ kind: 'member', userId: m.id, role: m.role });
const VISITOR: Viewer = { kind: 'visitor' };
const NO_FILTERS: LibraryFilters = {
	q: '',
	kind: null,
	theme: null,
	province: null,
	organisationType: null,
	year: null
};

function input(overrides: Partial<Record<string, unknown>> = {}): KnowledgeInput {
	return knowledgeInputSchema.parse({
		kind: 'insight',
		title: 'Ondernemersloket in de wijk',
		summary: 'Wat een loket in de wijk opleverde voor kleine ondernemers.',
		body: 'Een loket dichtbij verlaagt de drempel voor ondernemers.',
		themes: ['ondernemersecosysteem'],
		provinces: ['NL-UT'],
		visibility: 'public',
		...overrides
	});
}

describe.each(DIALECTS)('knowledge on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const author = await buildMember(db, {
			name: 'Anke Auteur',
			organisationSlug: 'gemeente-utrecht'
		});
		const colleague = await buildMember(db, {
			name: 'Collega Zelfde',
			organisationSlug: 'gemeente-utrecht'
		});
		const reader = await buildMember(db, {
			name: 'Lezer Elders',
			organisationSlug: 'gemeente-zwolle',
			province: 'NL-OV'
		});
		const editor = await buildMember(db, { name: 'Redacteur', role: 'editor' });
		const network = await buildNetwork(db, { name: 'Binnenkring', visibility: 'members' });
		const insider = await buildMember(db, { name: 'Netwerk Lid' });
		await addNetworkMember(db, network.id, insider.id);
		await addNetworkMember(db, network.id, author.id);
		return { db, author, colleague, reader, editor, network, insider };
	}

	async function create(
		authorId: string,
		overrides: Partial<Record<string, unknown>> = {},
		publish = true
	) {
		const result = await createItem(handle.db, {
			writerId: authorId,
			input: input(overrides),
			publish
		});
		if (!result.ok) throw new Error(result.reason);
		return result;
	}

	const library = (viewer: Viewer, filters: Partial<LibraryFilters> = {}) =>
		listLibrary(handle.db, {
			viewer,
			filters: { ...NO_FILTERS, ...filters },
			sort: 'newest',
			page: 1
		});

	it('keeps a draft to its authors and editors until it is published', async () => {
		const { db, author, reader, editor } = await setup();
		const draft = await create(author.id, { title: 'Concept over ondernemersloketten' }, false);
		expect(draft.slug).toBe('concept-over-ondernemersloketten');

		expect(await itemForViewer(db, draft.slug, viewerOf(author))).toBeDefined();
		expect(await itemForViewer(db, draft.slug, viewerOf(editor))).toBeDefined();
		expect(await itemForViewer(db, draft.slug, viewerOf(reader))).toBeUndefined();
		expect(await itemForViewer(db, draft.slug, VISITOR)).toBeUndefined();
		// Not in the library (not even for its author), but in their drafts.
		expect((await library(viewerOf(author))).total).toBe(0);
		expect((await draftsFor(db, viewerOf(author))).map((d) => d.slug)).toEqual([draft.slug]);
		expect(await draftsFor(db, viewerOf(reader))).toEqual([]);
		expect((await draftsFor(db, viewerOf(editor))).map((d) => d.slug)).toEqual([draft.slug]);

		const published = await publishItem(db, {
			itemId: draft.id,
			editorId: author.id,
			expectedVersion: 1
		});
		expect(published).toEqual({ ok: true, version: 2 });
		expect(await itemForViewer(db, draft.slug, VISITOR)).toBeDefined();
		expect((await library(VISITOR)).rows.map((r) => r.slug)).toEqual([draft.slug]);
		expect(
			await publishItem(db, { itemId: draft.id, editorId: author.id, expectedVersion: 2 })
		).toEqual({
			ok: false,
			reason: 'already_published'
		});
	});

	it('never shows a members-only or network-only item to someone who may not see it', async () => {
		const { db, author, reader, insider, network, editor } = await setup();
		const open = await create(author.id, {
			title: 'Openbaar praktijkvoorbeeld circulair',
			themes: ['circulaire-economie'],
			provinces: ['NL-UT'],
			organisations: ['gemeente-utrecht'],
			body: 'Circulaire inkoop bij kleine bedrijven met een regionale aanpak.'
		});
		const members = await create(author.id, {
			title: 'Alleen voor leden circulair',
			visibility: 'members',
			themes: ['circulaire-economie'],
			provinces: ['NL-GR'],
			organisations: ['provincie-groningen'],
			body: 'Circulaire inkoop bij kleine bedrijven met een regionale aanpak, voor leden.'
		});
		const inner = await create(author.id, {
			title: 'Alleen voor het netwerk circulair',
			visibility: 'network',
			network: network.slug,
			themes: ['circulaire-economie', 'financiering'],
			provinces: ['NL-FR'],
			body: 'Circulaire inkoop bij kleine bedrijven met een regionale aanpak, in het netwerk.'
		});
		const slugs = async (viewer: Viewer) => (await library(viewer)).rows.map((r) => r.slug).sort();

		// The library page.
		expect(await slugs(VISITOR)).toEqual([open.slug]);
		expect(await slugs(viewerOf(reader))).toEqual([members.slug, open.slug].sort());
		expect(await slugs(viewerOf(insider))).toEqual([inner.slug, members.slug, open.slug].sort());
		expect(await slugs(viewerOf(editor))).toHaveLength(3);

		// Counts and facets: nothing hidden is counted.
		const visitorView = await library(VISITOR);
		expect(visitorView.total).toBe(1);
		expect(visitorView.facets.province.map((p) => [p.value, p.count])).toEqual([['NL-UT', 1]]);
		expect(visitorView.facets.theme.map((t) => [t.value, t.count])).toEqual([
			['circulaire-economie', 1]
		]);
		expect(visitorView.facets.organisationType.map((t) => [t.value, t.count])).toEqual([
			['gemeente', 1]
		]);
		const readerView = await library(viewerOf(reader));
		expect(readerView.facets.theme.find((t) => t.value === 'financiering')).toBeUndefined();
		expect(readerView.facets.province.map((p) => p.value).sort()).toEqual(['NL-GR', 'NL-UT']);
		// A filter on something only hidden items have finds nothing.
		expect((await library(VISITOR, { province: 'NL-FR' })).total).toBe(0);
		expect((await library(viewerOf(reader), { theme: 'financiering' })).total).toBe(0);

		// The item's own page.
		expect(await itemForViewer(db, members.slug, VISITOR)).toBeUndefined();
		expect(await itemForViewer(db, inner.slug, viewerOf(reader))).toBeUndefined();
		expect(await itemForViewer(db, inner.slug, viewerOf(insider))).toBeDefined();

		// RSS: public items only.
		expect((await feedItems(db)).map((f) => f.slug)).toEqual([open.slug]);

		// Related items: all three are related, each viewer sees only what they may.
		const relatedSlugs = async (itemId: string, viewer: Viewer) =>
			(await relatedFor(db, itemId, viewer)).map((r) => r.slug).sort();
		expect(await relatedSlugs(open.id, viewerOf(editor))).toEqual(
			[inner.slug, members.slug].sort()
		);
		expect(await relatedSlugs(open.id, VISITOR)).toEqual([]);
		expect(await relatedSlugs(open.id, viewerOf(reader))).toEqual([members.slug]);
		expect(await relatedSlugs(open.id, viewerOf(insider))).toEqual(
			[inner.slug, members.slug].sort()
		);
	});

	it('keeps every save as a revision, shows the difference and restores an earlier one', async () => {
		const { db, author, editor } = await setup();
		const item = await create(author.id, { body: 'Eerste regel.\nTweede regel.' });
		const edited = await updateItem(db, {
			itemId: item.id,
			editorId: author.id,
			expectedVersion: 1,
			input: input({ body: 'Eerste regel.\nTweede regel, herschreven.\nDerde regel.' })
		});
		expect(edited).toEqual({ ok: true, version: 2 });
		// Saving the same again is no new revision.
		expect(
			await updateItem(db, {
				itemId: item.id,
				editorId: author.id,
				expectedVersion: 2,
				input: input({ body: 'Eerste regel.\nTweede regel, herschreven.\nDerde regel.' })
			})
		).toEqual({ ok: false, reason: 'unchanged' });

		const history = await revisionsOf(db, item.id);
		expect(history.map((h) => [h.number, h.action])).toEqual([
			[2, 'edited'],
			[1, 'published']
		]);
		const one = await revisionContent(db, item.id, 1);
		const two = await revisionContent(db, item.id, 2);
		expect(diffLines(one!.content.body, two!.content.body)).toEqual([
			{ op: 'same', text: 'Eerste regel.' },
			{ op: 'removed', text: 'Tweede regel.' },
			{ op: 'added', text: 'Tweede regel, herschreven.' },
			{ op: 'added', text: 'Derde regel.' }
		]);

		// An editor restores revision 1: it becomes revision 3, nothing is lost.
		const restored = await restoreRevision(db, {
			itemId: item.id,
			editorId: editor.id,
			number: 1,
			expectedVersion: 2
		});
		expect(restored).toEqual({ ok: true, version: 3 });
		const found = await itemForViewer(db, item.slug, VISITOR);
		expect(found?.item.body).toBe('Eerste regel.\nTweede regel.');
		expect(found?.item.version).toBe(3);
		const after = await revisionsOf(db, item.id);
		expect(after[0]).toMatchObject({ number: 3, action: 'restored', restored_from: 1 });
		expect(after[0]?.editor_name).toBe('Redacteur');
	});

	it('tells the second of two concurrent edits that the item changed, and keeps the first', async () => {
		const { db, author, editor } = await setup();
		const item = await create(author.id);
		const [first, second] = [
			await updateItem(db, {
				itemId: item.id,
				editorId: author.id,
				expectedVersion: 1,
				input: input({ summary: 'De auteur schreef dit.' })
			}),
			await updateItem(db, {
				itemId: item.id,
				editorId: editor.id,
				expectedVersion: 1,
				input: input({ summary: 'De redacteur schreef iets anders.' })
			})
		];
		expect(first).toEqual({ ok: true, version: 2 });
		expect(second).toEqual({ ok: false, reason: 'changed' });
		expect((await itemForViewer(db, item.slug, VISITOR))?.item.summary).toBe(
			'De auteur schreef dit.'
		);
		expect(await revisionsOf(db, item.id)).toHaveLength(2);

		// Both at once: exactly one wins.
		const both = await Promise.all(
			['Eén', 'Twee'].map((word) =>
				updateItem(db, {
					itemId: item.id,
					editorId: author.id,
					expectedVersion: 2,
					input: input({ summary: `Tegelijk ${word}` })
				})
			)
		);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
		expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'changed' }]);
		expect(await revisionsOf(db, item.id)).toHaveLength(3);
	});

	it('makes Markdown with scripts harmless in the body, the structure and comments', async () => {
		const { db, author, reader } = await setup();
		const item = await create(author.id, {
			kind: 'practice_example',
			body: '**Vet** <script>alert(1)</script> [klik](javascript:alert(2))',
			challenge: '<img src=x onerror="alert(3)"> De opgave',
			approach: 'Aanpak',
			result: 'Resultaat'
		});
		const found = await itemForViewer(db, item.slug, VISITOR);
		expect(found?.item.body_html).toContain('<strong>Vet</strong>');
		for (const html of [found!.item.body_html, found!.item.challenge_html]) {
			expect(html).not.toMatch(/<script|<img|href="javascript:/i);
		}
		const comment = await addComment(db, {
			itemId: item.id,
			authorId: reader.id,
			body: 'Mooi! <script>document.cookie</script>'
		});
		expect(comment.ok).toBe(true);
		const details = await itemDetails(db, found!.item, VISITOR);
		expect(details.comments[0]?.body_html).not.toContain('<script');
		expect(details.comments[0]?.body_html).toContain('&lt;script&gt;');
	});

	it('refuses references that do not exist, and stores nothing then', async () => {
		const { db, author } = await setup();
		for (const [overrides, reason] of [
			[{ themes: ['bestaat-niet'] }, 'unknown_theme'],
			[{ provinces: ['NL-XX'] }, 'unknown_province'],
			[{ organisations: ['gemeente-nergens'] }, 'unknown_organisation'],
			[{ coAuthors: ['niemand@example.org'] }, 'unknown_member'],
			[{ visibility: 'network', network: 'geen-netwerk' }, 'unknown_network']
		] as const) {
			const result = await createItem(db, {
				writerId: author.id,
				input: input(overrides),
				publish: true
			});
			expect(result).toEqual({ ok: false, reason });
		}
		const count = await db
			.selectFrom('knowledge_items')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
	});

	it('counts useful votes, and records where a practice example travelled', async () => {
		const { db, author, reader } = await setup();
		const item = await create(author.id, { kind: 'practice_example', challenge: 'Opgave' });
		expect(await toggleUseful(db, { itemId: item.id, userId: reader.id })).toEqual({
			ok: true,
			voted: true
		});
		let found = await itemForViewer(db, item.slug, viewerOf(reader));
		expect(found?.item.useful_count).toBe(1);
		expect(await toggleUseful(db, { itemId: item.id, userId: reader.id })).toEqual({
			ok: true,
			voted: false
		});
		found = await itemForViewer(db, item.slug, viewerOf(reader));
		expect(found?.item.useful_count).toBe(0);

		expect(
			await adoptItem(db, { itemId: item.id, userId: reader.id, note: 'Wij starten in Zwolle.' })
		).toMatchObject({ ok: true });
		expect(await adoptItem(db, { itemId: item.id, userId: reader.id, note: 'Nog eens.' })).toEqual({
			ok: false,
			reason: 'already_adopted'
		});
		const details = await itemDetails(db, found!.item, viewerOf(reader));
		expect(details.adoptions.map((a) => [a.organisation, a.province, a.note])).toEqual([
			['Gemeente Zwolle', 'Overijssel', 'Wij starten in Zwolle.']
		]);
	});

	it('lets the policy refuse adoption by the authors’ own organisation', async () => {
		const { db, author, colleague, reader } = await setup();
		const item = await create(author.id, { kind: 'practice_example', challenge: 'Opgave' });
		const { can } = await import('./policy');
		const own = await itemForViewer(db, item.slug, viewerOf(colleague));
		const other = await itemForViewer(db, item.slug, viewerOf(reader));
		const self = await itemForViewer(db, item.slug, viewerOf(author));
		expect(can(viewerOf(colleague), 'adopt', own!.subject)).toBe(false);
		expect(can(viewerOf(author), 'adopt', self!.subject)).toBe(false);
		expect(can(viewerOf(reader), 'adopt', other!.subject)).toBe(true);
	});

	it('filters, sorts and pages the library with counts per facet', async () => {
		const { db, author, reader } = await setup();
		const a = await create(author.id, {
			title: 'Digitaal ondernemen in Groningen',
			kind: 'insight',
			themes: ['digitalisering'],
			provinces: ['NL-GR']
		});
		const b = await create(author.id, {
			title: 'Circulaire bouw in Utrecht',
			kind: 'practice_example',
			challenge: 'Opgave',
			themes: ['circulaire-economie', 'digitalisering'],
			provinces: ['NL-UT']
		});
		await create(author.id, {
			title: 'Publicatie over financiering',
			kind: 'publication',
			themes: ['financiering'],
			provinces: ['NL-UT']
		});
		await toggleUseful(db, { itemId: a.id, userId: reader.id });

		const all = await library(VISITOR);
		expect(all.total).toBe(3);
		expect(all.facets.kind.map((k) => [k.value, k.count])).toEqual([
			['practice_example', 1],
			['insight', 1],
			['publication', 1]
		]);
		const digital = await library(VISITOR, { theme: 'digitalisering' });
		expect(digital.total).toBe(2);
		// The theme facet counts without its own filter; the others with it.
		expect(digital.facets.theme.find((t) => t.value === 'financiering')?.count).toBe(1);
		expect(digital.facets.province.map((p) => [p.value, p.count])).toEqual([
			['NL-GR', 1],
			['NL-UT', 1]
		]);
		const combined = await library(VISITOR, { theme: 'digitalisering', province: 'NL-UT' });
		expect(combined.rows.map((r) => r.slug)).toEqual([b.slug]);
		const year = new Date().getUTCFullYear();
		expect(all.facets.year).toEqual([
			{ value: String(year), label: String(year), count: 3, selected: false }
		]);
		expect((await library(VISITOR, { q: 'circulaire' })).rows.map((r) => r.slug)).toEqual([b.slug]);
		// The words go through the search's analyser: inflections and every word needed.
		const words = async (q: string) => (await library(VISITOR, { q })).rows.map((r) => r.slug);
		expect(await words('digitale')).toEqual([a.slug]);
		expect(await words('circulaire utrecht')).toEqual([b.slug]);
		expect(await words('circulaire groningen')).toEqual([]);
		// Only punctuation or operators: nothing to search, so no word filter.
		expect((await words('"*:')).sort()).toHaveLength(3);
		const found = await library(VISITOR, { q: 'circulaire', theme: 'digitalisering' });
		expect(found.total).toBe(1);
		expect(found.facets.theme.find((t) => t.value === 'financiering')?.count ?? 0).toBe(0);

		const useful = await listLibrary(db, {
			viewer: VISITOR,
			filters: NO_FILTERS,
			sort: 'useful',
			page: 1
		});
		expect(useful.rows[0]?.slug).toBe(a.slug);
		const paged = await listLibrary(db, {
			viewer: VISITOR,
			filters: NO_FILTERS,
			sort: 'newest',
			page: 2,
			pageSize: 2
		});
		expect(paged.page).toBe(2);
		expect(paged.pageCount).toBe(2);
		expect(paged.rows).toHaveLength(1);
	});

	it('seeds a demo library over every kind, theme and province, once', async () => {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		expect(await seedDemoKnowledge(db)).toBe(true);
		expect(await seedDemoKnowledge(db)).toBe(false);

		const editor: Viewer = {
			kind: 'member',
			userId: (
				await db
					.selectFrom('users')
					.select('id')
					.where('role', '=', 'editor')
					.executeTakeFirstOrThrow()
			).id,
			role: 'editor'
		};
		const all = await listLibrary(db, {
			viewer: editor,
			filters: NO_FILTERS,
			sort: 'newest',
			page: 1
		});
		expect(all.total).toBeGreaterThanOrEqual(40);
		expect(all.facets.kind.map((k) => k.value).sort()).toEqual([
			'insight',
			'practice_example',
			'publication',
			'report'
		]);
		expect(all.facets.theme).toHaveLength(12);
		expect(all.facets.province).toHaveLength(12);
		// A practice example for each of the four regional communities' provinces.
		for (const province of ['NL-GR', 'NL-NB', 'NL-OV', 'NL-ZH']) {
			const found = await listLibrary(db, {
				viewer: VISITOR,
				filters: { ...NO_FILTERS, kind: 'practice_example', province },
				sort: 'newest',
				page: 1
			});
			expect(found.total).toBeGreaterThan(0);
		}
		// Visitors see fewer: members-only and network items stay hidden.
		expect((await library(VISITOR)).total).toBeLessThan(all.total);
	});
});
