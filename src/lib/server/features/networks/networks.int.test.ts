import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { networkReach } from '../home/queries';
import { reindexAll } from '../search/mutations';
import { search } from '../search/queries';
import { VISITOR, type Viewer } from '../viewer';
import { listNetworks } from './queries';

describe.each(DIALECTS)('networks, reach and basic search on %s', (dialect) => {
	let handle: TestDatabase;
	let member: Viewer;
	const admin: Viewer = { kind: 'member', userId: 'admin', role: 'admin' };

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		await buildNetwork(handle.db, { name: 'Alleen voor leden', visibility: 'members' });
		await buildNetwork(handle.db, { name: 'Besloten werkgroep', visibility: 'private' });
		const row = await buildMember(handle.db, {
			province: 'NL-GR',
			organisationSlug: 'gemeente-groningen'
		});
		member = { kind: 'member', userId: row.id, role: 'member' };
		await buildMember(handle.db, { province: 'NL-LI', organisationSlug: 'provincie-limburg' });
		await buildMember(handle.db, { province: 'NL-LI', organisationSlug: 'gemeente-venlo' });
		await buildMember(handle.db, { province: 'NL-ZE', status: 'applicant' });
		await reindexAll(handle.db);
	});

	/** What a search finds, as kind:title (networks and organisations). */
	const basicSearch = async (input: { viewer: Viewer; query: string }) => {
		const result = await search(handle.db, { ...input, pageSize: 50 });
		return result.ok
			? result.hits.map((h) => ({ kind: h.kind, title: h.title.map((t) => t.text).join('') }))
			: [];
	};
	afterAll(async () => {
		await handle?.destroy();
	});

	it('shows visitors only public networks, members also members-only ones, never private ones', async () => {
		const names = async (viewer: Viewer) =>
			(await listNetworks(handle.db, { viewer })).map((n) => n.name);
		const visitor = await names(VISITOR);
		expect(visitor).toHaveLength(7);
		expect(visitor).not.toContain('Alleen voor leden');
		expect(await names(member)).toContain('Alleen voor leden');
		expect(await names(member)).not.toContain('Besloten werkgroep');
		expect(await names(admin)).toContain('Besloten werkgroep');
	});

	it('lists the regional communities with their provinces and themes', async () => {
		const regional = await listNetworks(handle.db, { viewer: VISITOR, kind: 'regional' });
		expect(regional.map((n) => n.name)).toEqual([
			'Regio Groningen-Assen',
			'Noordoost-Brabant',
			'Regio Zwolle',
			'Zuid-Holland'
		]);
		expect(regional[0]?.provinces.map((p) => p.name)).toEqual(['Drenthe', 'Groningen']);
		expect(regional[3]?.themes.map((t) => t.name)).toContain('Circulaire economie');
	});

	it('counts the reach over active members only', async () => {
		expect(await networkReach(handle.db)).toEqual({
			members: 3,
			organisations: 3,
			provinces: 2,
			municipalities: 2
		});
	});

	it('finds organisations and networks by their name and themes, case-insensitively', async () => {
		const hits = await basicSearch({ viewer: VISITOR, query: 'ZWOLLE' });
		expect(hits.map((h) => `${h.kind}:${h.title}`).sort()).toEqual([
			'network:Regio Zwolle',
			'organisation:Gemeente Zwolle'
		]);
		const theme = await basicSearch({ viewer: VISITOR, query: 'circulair' });
		expect(theme.map((h) => h.title)).toContain('Zuid-Holland');
	});

	it('treats % and _ as text and keeps hidden networks out of search results', async () => {
		expect(await basicSearch({ viewer: VISITOR, query: '%' })).toEqual([]);
		expect(await basicSearch({ viewer: VISITOR, query: '_' })).toEqual([]);
		expect(await basicSearch({ viewer: VISITOR, query: 'werkgroep' })).toEqual([]);
		const titles = async (viewer: Viewer) =>
			(await basicSearch({ viewer, query: 'alleen voor leden' })).map((h) => h.title);
		expect(await titles(member)).toContain('Alleen voor leden');
		expect(await titles(VISITOR)).not.toContain('Alleen voor leden');
	});

	it('shows a private network to its active members only, not to those who merely asked', async () => {
		const room = await buildNetwork(handle.db, { name: 'Kamer van negen', visibility: 'private' });
		const insider = await buildMember(handle.db);
		const asker = await buildMember(handle.db);
		await addNetworkMember(handle.db, room.id, insider.id);
		await addNetworkMember(handle.db, room.id, asker.id, { status: 'requested' });
		const names = async (userId: string) =>
			(await listNetworks(handle.db, { viewer: { kind: 'member', userId, role: 'member' } })).map(
				(n) => n.name
			);
		expect(await names(insider.id)).toContain('Kamer van negen');
		expect(await names(asker.id)).not.toContain('Kamer van negen');
		expect(await names(member.kind === 'member' ? member.userId : '')).not.toContain(
			'Kamer van negen'
		);
		await reindexAll(handle.db);
		const found = async (userId: string) =>
			(
				await basicSearch({
					viewer: { kind: 'member', userId, role: 'member' },
					query: 'Kamer van negen'
				})
			).map((h) => h.title);
		expect(await found(asker.id)).not.toContain('Kamer van negen');
		expect(await found(insider.id)).toContain('Kamer van negen');
	});
});
