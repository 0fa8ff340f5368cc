import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import type { NetworkVisibility } from '../../db/tables/networks';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { can } from '../networks/policy';
import { VISITOR, type Viewer } from '../viewer';
import { type SearchDocumentInput, upsertSearchDocument } from './mutations';
import { search, suggest } from './queries';

/**
 * Visibility never leaks (property test): whatever documents exist, with whatever visibility
 * and in whichever network, a search returns and counts exactly what the networks' policy lets
 * the viewer see: public to all, members' to members, a network's inside as see_inside says.
 */
describe.each(DIALECTS)('search visibility on %s', (dialect) => {
	let handle: TestDatabase;
	const networks: { id: string; visibility: NetworkVisibility }[] = [];
	const viewers: { viewer: Viewer; memberOf: Set<string> }[] = [];

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		const db = handle.db;
		await seedReference(db);
		for (const visibility of ['public', 'members', 'private', 'private'] as const) {
			const n = await buildNetwork(db, { visibility });
			networks.push({ id: n.id, visibility });
		}
		viewers.push({ viewer: VISITOR, memberOf: new Set() });
		for (const [role, inNetworks] of [
			['member', []],
			['member', [2]],
			['member', [0, 3]],
			['admin', []]
		] as const) {
			const user = await buildMember(db, { role });
			for (const i of inNetworks) await addNetworkMember(db, networks[i]!.id, user.id);
			viewers.push({
				viewer: { kind: 'member', userId: user.id, role },
				memberOf: new Set(inNetworks.map((i) => networks[i]!.id))
			});
		}
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	const placement = fc.oneof(
		fc.constant({ visibility: 'public' as const, network: -1 }),
		fc.constant({ visibility: 'members' as const, network: -1 }),
		fc.record({
			visibility: fc.constant('network' as const),
			network: fc.integer({ min: 0, max: 3 })
		})
	);

	function mayFind(entry: { viewer: Viewer; memberOf: Set<string> }, doc: SearchDocumentInput) {
		if (doc.visibility === 'public') return true;
		if (doc.visibility === 'members') return entry.viewer.kind === 'member';
		const network = networks.find((n) => n.id === doc.networkId)!;
		const membership = entry.memberOf.has(network.id)
			? ({ role: 'member', status: 'active' } as const)
			: null;
		return can(entry.viewer, 'see_inside', {
			visibility: network.visibility,
			joinPolicy: 'open',
			membership
		});
	}

	it('finds and counts exactly what the viewer may see', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(placement, { minLength: 1, maxLength: 12 }), async (places) => {
				run++;
				await handle.db.deleteFrom('search_documents').execute();
				const docs = places.map((p, i): SearchDocumentInput => {
					const network = p.network >= 0 ? networks[p.network]! : null;
					return {
						kind: 'knowledge',
						refId: `r${run}-${i}`,
						title: `Vertrouwelijkheidsproef ${i}`,
						text: `Geheime inhoud ${i}`,
						url: `/kennis/${i}`,
						visibility: p.visibility,
						networkId: network?.id ?? null,
						networkVisibility: network?.visibility ?? null
					};
				});
				for (const doc of docs) await upsertSearchDocument(handle.db, doc);
				for (const entry of viewers) {
					const expected = docs.filter((d) => mayFind(entry, d)).map((d) => d.refId);
					const result = await search(handle.db, {
						viewer: entry.viewer,
						query: 'geheime vertrouwelijkheidsproef',
						pageSize: 50
					});
					if (!result.ok) throw new Error(result.reason);
					expect(result.hits.map((h) => h.refId).sort()).toEqual([...expected].sort());
					expect(result.facets.reduce((n, f) => n + f.count, 0)).toBe(expected.length);
					const suggested = await suggest(handle.db, {
						viewer: entry.viewer,
						query: 'vertrouwelijkheidspr',
						limit: 50
					});
					expect(suggested).toHaveLength(expected.length);
				}
			}),
			{ numRuns: 12 }
		);
	});
});
