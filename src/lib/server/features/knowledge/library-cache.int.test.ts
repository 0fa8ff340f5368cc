import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, secondProcess, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import type { Viewer } from '../viewer';
import { createItem, publishItem, updateItem } from './mutations';
import { listLibrary } from './queries';
import { knowledgeInputSchema, type LibraryFilters } from './schema';

/**
 * Each process remembers the library's facet counts and newest-first pages under a version the
 * database bumps with every knowledge write. Whatever writes, and in whichever process, the next
 * library page must show the new state, to exactly those who may see it.
 */
describe.each(DIALECTS)('the library’s remembered counts on %s', (dialect) => {
	let handle: TestDatabase;
	let other: DatabaseHandle | undefined;

	afterEach(async () => {
		await other?.close();
		other = undefined;
		await handle?.destroy();
	});

	const NONE: LibraryFilters = {
		q: '',
		kind: null,
		theme: null,
		province: null,
		organisationType: null,
		year: null
	};

	const library = (
		db: DatabaseHandle['db'],
		viewer: Viewer,
		filters: Partial<LibraryFilters> = {}
	) => listLibrary(db, { viewer, filters: { ...NONE, ...filters }, sort: 'newest', page: 1 });

	const count = (facet: { value: string; count: number }[], value: string) =>
		facet.find((o) => o.value === value)?.count ?? 0;

	it('follows every write, from this process or another, and never counts what one may not see', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const network = await buildNetwork(db);
		const writer = await buildMember(db, { name: 'Schrijver' });
		const insider = await buildMember(db, { name: 'Lid van de kring' });
		const outsider = await buildMember(db, { name: 'Lid buiten de kring' });
		await addNetworkMember(db, network.id, writer.id);
		await addNetworkMember(db, network.id, insider.id);
		const visitor: Viewer = { kind: 'visitor' };
		const asMember = (m: typeof writer): Viewer => ({ kind: 'member', userId: m.id, role: m.role });

		const write = async (
			title: string,
			overrides: Record<string, unknown> = {},
			publish = true
		) => {
			const result = await createItem(db, {
				writerId: writer.id,
				input: knowledgeInputSchema.parse({
					kind: 'insight',
					title,
					summary: 'Wat werkt voor ondernemers.',
					body: 'Wat werkt voor ondernemers in de regio.',
					themes: ['digitalisering'],
					provinces: ['NL-UT'],
					visibility: 'public',
					...overrides
				}),
				publish
			});
			if (!result.ok) throw new Error(result.reason);
			return result;
		};

		await write('Openbaar voorbeeld');
		const before = await library(db, visitor);
		expect(before.total).toBe(1);
		expect(count(before.facets.theme, 'digitalisering')).toBe(1);

		// Written through the app: counted at once, in this process and in another.
		other = await secondProcess(handle);
		expect((await library(other.db, visitor)).total).toBe(1);
		const networkOnly = await write('Alleen voor de kring', {
			visibility: 'network',
			network: network.slug
		});
		for (const db_ of [db, other.db]) {
			expect((await library(db_, visitor)).total).toBe(1);
			expect((await library(db_, asMember(outsider))).total).toBe(1);
			const inside = await library(db_, asMember(insider));
			expect(inside.total).toBe(2);
			expect(inside.rows.map((r) => r.title)).toEqual([
				'Alleen voor de kring',
				'Openbaar voorbeeld'
			]);
		}

		// A draft counts for nobody until it is published.
		const draft = await write('Nog een concept', {}, false);
		expect((await library(db, visitor)).total).toBe(1);
		const published = await publishItem(db, {
			itemId: draft.id,
			editorId: writer.id,
			expectedVersion: draft.version
		});
		expect(published.ok).toBe(true);
		expect((await library(db, visitor)).total).toBe(2);
		expect((await library(other.db, visitor)).total).toBe(2);

		// Another process changes a theme and makes an item members-only: both processes follow.
		expect(count((await library(db, visitor)).facets.theme, 'digitalisering')).toBe(2);
		const edited = await updateItem(other.db, {
			itemId: draft.id,
			editorId: writer.id,
			expectedVersion: published.ok ? published.version : 0,
			input: knowledgeInputSchema.parse({
				kind: 'insight',
				title: 'Nog een concept',
				summary: 'Wat werkt voor ondernemers.',
				body: 'Wat werkt voor ondernemers in de regio.',
				themes: ['circulaire-economie'],
				provinces: ['NL-UT'],
				visibility: 'members'
			})
		});
		expect(edited.ok).toBe(true);
		const seen = await library(db, visitor);
		expect(seen.total).toBe(1);
		expect(count(seen.facets.theme, 'digitalisering')).toBe(1);
		expect(count(seen.facets.theme, 'circulaire-economie')).toBe(0);
		expect(count((await library(db, asMember(outsider))).facets.theme, 'circulaire-economie')).toBe(
			1
		);
		expect(
			(await library(db, asMember(outsider), { theme: 'circulaire-economie' })).rows.map(
				(r) => r.title
			)
		).toEqual(['Nog een concept']);

		// Written straight into the tables (a script, a cascade): the database bumps the version.
		await other.db
			.updateTable('knowledge_items')
			.set({ visibility: 'public', network_id: null })
			.where('id', '=', networkOnly.id)
			.execute();
		expect((await library(db, visitor)).total).toBe(2);
		await other.db
			.deleteFrom('knowledge_item_themes')
			.where('item_id', '=', networkOnly.id)
			.execute();
		expect(count((await library(db, visitor)).facets.theme, 'digitalisering')).toBe(1);
		await other.db.deleteFrom('knowledge_items').where('id', '=', networkOnly.id).execute();
		const after = await library(db, visitor);
		expect(after.total).toBe(1);
		expect(after.rows.map((r) => r.title)).toEqual(['Openbaar voorbeeld']);

		// Counting a view does not change a count, so it keeps what was remembered.
		const version = async () =>
			(await db.selectFrom('knowledge_library_version').select('version').executeTakeFirstOrThrow())
				.version;
		const was = Number(await version());
		await db
			.updateTable('knowledge_items')
			.set((eb) => ({ view_count: eb('view_count', '+', 1) }))
			.execute();
		expect(Number(await version())).toBe(was);
	});

	it('counts by organisation type as it is now, and by the networks the viewer is in now', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const network = await buildNetwork(db);
		const writer = await buildMember(db);
		const reader = await buildMember(db);
		await addNetworkMember(db, network.id, writer.id);
		const organisation = await db
			.selectFrom('organisations')
			.select(['id', 'slug', 'type_id'])
			.where('slug', '=', 'gemeente-utrecht')
			.executeTakeFirstOrThrow();
		const otherType = await db
			.selectFrom('organisation_types')
			.select('id')
			.where('id', '!=', organisation.type_id)
			.orderBy('id')
			.executeTakeFirstOrThrow();
		for (const [title, visibility] of [
			['Van de gemeente', 'public'],
			['Uit de kring', 'network']
		] as const) {
			const result = await createItem(db, {
				writerId: writer.id,
				input: knowledgeInputSchema.parse({
					kind: 'practice_example',
					title,
					summary: 'Wat werkt voor ondernemers.',
					body: 'Wat werkt voor ondernemers in de regio.',
					themes: ['digitalisering'],
					provinces: ['NL-UT'],
					organisations: [organisation.slug],
					visibility,
					network: visibility === 'network' ? network.slug : ''
				}),
				publish: true
			});
			expect(result.ok).toBe(true);
		}
		const viewer: Viewer = { kind: 'member', userId: reader.id, role: reader.role };
		const byType = async () =>
			(await library(db, viewer)).facets.organisationType.map((o) => [o.value, o.count]);
		expect(await byType()).toEqual([[organisation.type_id, 1]]);

		await db
			.updateTable('organisations')
			.set({ type_id: otherType.id })
			.where('id', '=', organisation.id)
			.execute();
		expect(await byType()).toEqual([[otherType.id, 1]]);

		// Joining the network shows its item; leaving hides it again.
		await addNetworkMember(db, network.id, reader.id);
		expect(await byType()).toEqual([[otherType.id, 2]]);
		expect((await library(db, viewer)).total).toBe(2);
		await db
			.deleteFrom('network_members')
			.where('user_id', '=', reader.id)
			.where('network_id', '=', network.id)
			.execute();
		expect((await library(db, viewer)).total).toBe(1);

		// The writer leaves the network: they still see what they wrote there, nobody else does,
		// whoever asked first.
		await db
			.deleteFrom('network_members')
			.where('user_id', '=', writer.id)
			.where('network_id', '=', network.id)
			.execute();
		const asWriter: Viewer = { kind: 'member', userId: writer.id, role: writer.role };
		expect((await library(db, asWriter)).total).toBe(2);
		expect((await library(db, viewer)).total).toBe(1);
		expect((await library(db, asWriter)).total).toBe(2);
	});
});
