import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { VISITOR } from '../viewer';
import { mergeOrganisations } from './mutations';
import { organisationDetail, searchOrganisations } from './queries';

describe.each(DIALECTS)('organisations on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	const search = (overrides: Partial<Parameters<typeof searchOrganisations>[1]> = {}) => ({
		q: '',
		type: null,
		province: null,
		group: null,
		page: 1,
		...overrides
	});

	it('filters by name, type, province and G4/G40, counting active members', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		await buildMember(db, { organisationSlug: 'gemeente-zwolle' });
		await buildMember(db, { organisationSlug: 'gemeente-zwolle' });
		await buildMember(db, { organisationSlug: 'gemeente-zwolle', status: 'applicant' });

		const g4 = await searchOrganisations(db, search({ group: 'g4' }));
		expect(g4.rows.map((r) => r.name).sort()).toEqual([
			'Gemeente Amsterdam',
			'Gemeente Den Haag',
			'Gemeente Rotterdam',
			'Gemeente Utrecht'
		]);
		const zwolle = await searchOrganisations(db, search({ q: 'zwol', group: 'g40' }));
		expect(zwolle.rows.map((r) => [r.name, r.member_count])).toEqual([['Gemeente Zwolle', 2]]);
		const overijssel = await searchOrganisations(db, search({ province: 'NL-OV', group: 'g40' }));
		expect(overijssel.rows.every((r) => r.province_name === 'Overijssel')).toBe(true);
		expect(overijssel.total).toBeGreaterThan(1);
		const provinces = await searchOrganisations(db, search({ type: 'provincie' }));
		expect(provinces.total).toBe(12);
	});

	it('shows an organisation with the networks its members are in, never a private one to outsiders', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const member = await buildMember(db, { name: 'Olga Org', organisationSlug: 'gemeente-venlo' });
		const open = await buildNetwork(db, { name: 'Open kring' });
		const room = await buildNetwork(db, { name: 'Stille kamer', visibility: 'private' });
		await addNetworkMember(db, open.id, member.id);
		await addNetworkMember(db, room.id, member.id);

		const forVisitor = await organisationDetail(db, 'gemeente-venlo', {
			viewer: VISITOR,
			withMembers: false
		});
		expect(forVisitor?.networks.map((n) => n.name)).toEqual(['Open kring']);
		expect(forVisitor?.members).toEqual([]);
		expect(forVisitor?.memberCount).toBe(1);
		const forInsider = await organisationDetail(db, 'gemeente-venlo', {
			viewer: { kind: 'member', userId: member.id, role: 'member' },
			withMembers: true
		});
		expect(forInsider?.networks.map((n) => n.name).sort()).toEqual(['Open kring', 'Stille kamer']);
		expect(forInsider?.members.map((m) => m.name)).toEqual(['Olga Org']);
	});

	it('merges a duplicate: members move, the duplicate goes, the log says so', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		const admin = await buildMember(db, { role: 'admin' });
		await db
			.insertInto('organisations')
			.values({
				id: 'dubbel',
				slug: 'gem-zwolle',
				name: 'Gem. Zwolle',
				type_id: 'gemeente',
				province_code: 'NL-OV',
				municipality_class: null,
				website: null,
				is_partner: false,
				partner_position: null
			})
			.execute();
		const moved = await buildMember(db, { organisationSlug: 'gem-zwolle' });
		const zwolle = await db
			.selectFrom('organisations')
			.select('id')
			.where('slug', '=', 'gemeente-zwolle')
			.executeTakeFirstOrThrow();

		expect(
			await mergeOrganisations(db, { actorId: admin.id, fromId: 'dubbel', intoId: 'dubbel' })
		).toEqual({
			ok: false,
			reason: 'same'
		});
		expect(
			await mergeOrganisations(db, { actorId: admin.id, fromId: 'dubbel', intoId: zwolle.id })
		).toEqual({ ok: true, from: 'Gem. Zwolle', into: 'Gemeente Zwolle', moved: 1 });
		const user = await db
			.selectFrom('users')
			.select('organisation_id')
			.where('id', '=', moved.id)
			.executeTakeFirstOrThrow();
		expect(user.organisation_id).toBe(zwolle.id);
		expect(
			await organisationDetail(db, 'gem-zwolle', { viewer: VISITOR, withMembers: false })
		).toBeUndefined();
		const log = await db
			.selectFrom('audit_log')
			.select(['action', 'subject_type', 'details'])
			.execute();
		expect(log).toEqual([
			{
				action: 'organisation.merged',
				subject_type: 'organisation',
				details: JSON.stringify({ from: 'Gem. Zwolle', into: 'Gemeente Zwolle', moved: 1 })
			}
		]);
	});
});
