import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import type { Viewer } from '../viewer';
import { createItem } from './mutations';
import { can } from './policy';
import { feedItems, itemForViewer, listLibrary, relatedFor } from './queries';
import { knowledgeInputSchema } from './schema';

/**
 * Property: for any mix of items (public, members-only or network-only; draft or published;
 * by any author), the query clause lets exactly those items through that the policy lets each
 * viewer see: in the library (and its count), an item's page, related items and the feed.
 */
describe.each(DIALECTS)('knowledge visibility on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	it('never lets the query show what the policy hides, or hide what it shows', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const networks = [await buildNetwork(db, { name: 'Kring een' }), await buildNetwork(db)];
		const people = [
			await buildMember(db, { name: 'Lid in kring een' }),
			await buildMember(db, { name: 'Lid in kring twee' }),
			await buildMember(db, { name: 'Lid zonder kring' }),
			await buildMember(db, { name: 'Redacteur', role: 'editor' }),
			await buildMember(db, { name: 'Beheerder', role: 'admin' })
		];
		await addNetworkMember(db, networks[0]!.id, people[0]!.id);
		await addNetworkMember(db, networks[1]!.id, people[1]!.id);
		const viewers: Viewer[] = [
			{ kind: 'visitor' },
			...people.map((p): Viewer => ({ kind: 'member', userId: p.id, role: p.role }))
		];

		const itemArb = fc.record({
			visibility: fc.constantFrom('public', 'members', 'network'),
			network: fc.constantFrom(0, 1),
			publish: fc.boolean(),
			author: fc.constantFrom(0, 1, 2)
		});
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(itemArb, { minLength: 1, maxLength: 6 }), async (items) => {
				run++;
				await db.deleteFrom('knowledge_items').execute();
				const made: { slug: string; id: string }[] = [];
				for (const [i, spec] of items.entries()) {
					const result = await createItem(db, {
						writerId: people[spec.author]!.id,
						input: knowledgeInputSchema.parse({
							kind: 'insight',
							title: `Item ${run} ${i} over ondernemers`,
							summary: 'Ondernemers in de regio.',
							body: 'Ondernemers in de regio en hun ondersteuning.',
							themes: ['digitalisering'],
							provinces: ['NL-UT'],
							visibility: spec.visibility,
							network: spec.visibility === 'network' ? networks[spec.network]!.slug : ''
						}),
						publish: spec.publish
					});
					if (!result.ok) throw new Error(result.reason);
					made.push(result);
				}
				const publicSlugs = new Set((await feedItems(db)).map((f) => f.slug));
				for (const viewer of viewers) {
					const seen = new Set<string>();
					for (const item of made) {
						const found = await itemForViewer(db, item.slug, viewer);
						if (found) {
							expect(can(viewer, 'see', found.subject)).toBe(true);
							seen.add(item.slug);
						}
					}
					// The policy's answer for every item, from the rows themselves.
					const rows = await db
						.selectFrom('knowledge_items')
						.select(['slug', 'status', 'visibility', 'network_id', 'id'])
						.execute();
					const expected = new Set<string>();
					const listed = new Set<string>();
					for (const row of rows) {
						const spec = items[made.findIndex((m) => m.id === row.id)]!;
						const subject = {
							kind: 'insight' as const,
							status: row.status,
							visibility: row.visibility,
							inNetwork:
								viewer.kind === 'member' &&
								row.network_id !== null &&
								((row.network_id === networks[0]!.id && viewer.userId === people[0]!.id) ||
									(row.network_id === networks[1]!.id && viewer.userId === people[1]!.id)),
							isAuthor: viewer.kind === 'member' && viewer.userId === people[spec.author]!.id,
							sameOrganisation: false
						};
						if (can(viewer, 'see', subject)) expected.add(row.slug);
						if (can(viewer, 'see', subject) && row.status === 'published') listed.add(row.slug);
					}
					expect(seen).toEqual(expected);
					const library = await listLibrary(db, {
						viewer,
						filters: {
							q: '',
							kind: null,
							theme: null,
							province: null,
							organisationType: null,
							year: null
						},
						sort: 'newest',
						page: 1,
						pageSize: 50
					});
					expect(new Set(library.rows.map((r) => r.slug))).toEqual(listed);
					expect(library.total).toBe(listed.size);
					expect(library.facets.theme[0]?.count ?? 0).toBe(listed.size);
					for (const item of made) {
						for (const rel of await relatedFor(db, item.id, viewer)) {
							expect(listed.has(rel.slug)).toBe(true);
						}
					}
					if (viewer.kind === 'visitor') expect(publicSlugs).toEqual(listed);
				}
			}),
			{ numRuns: 12 }
		);
	}, 120_000);
});
