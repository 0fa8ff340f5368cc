import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { listAuditLog } from '../accounts/queries';
import { changeMemberRole, deleteMember, suspendMember, unsuspendMember } from './mutations';
import { memberForAdmin, memberHistory, searchMembers } from './queries';
import { memberSearchSchema } from './schema';

const origin = 'https://kennisnetwerk.example';
/** No photos in these tests: the photo's own test is in features/people. */
const photosDir = path.join(os.tmpdir(), 'kn-no-photos');

describe.each(DIALECTS)('member administration on %s', (dialect) => {
	let handle: TestDatabase;

	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const admin = await buildMember(handle.db, { name: 'Alie Admin', role: 'admin' });
		return { db: handle.db, admin };
	}

	async function signedInSession(userId: string) {
		await handle.db
			.insertInto('sessions')
			.values({
				id: randomUUID(),
				token: randomUUID(),
				user_id: userId,
				expires_at: new Date(Date.now() + 86_400_000).toISOString(),
				ip_address: null,
				user_agent: null
			})
			.execute();
	}

	async function mailsTo(address: string) {
		return handle.db
			.selectFrom('mail_outbox')
			.select(['kind', 'subject', 'text_body'])
			.where('to_address', '=', address)
			.execute();
	}

	const search = (params: Record<string, string>) => memberSearchSchema.parse(params);

	it('finds accounts by each word in name, address or organisation, with filters and pages', async () => {
		const { db } = await setup();
		await buildMember(db, {
			name: 'Henk Zwolsman',
			email: 'h.zwolsman@zwolle.example',
			organisationSlug: 'gemeente-zwolle'
		});
		await buildMember(db, {
			name: 'Ineke Zwolle-Bakker',
			email: 'ineke@bakker.example',
			status: 'applicant'
		});
		await buildMember(db, { name: 'Piet 50%_Procent', role: 'editor', status: 'suspended' });

		const names = async (params: Record<string, string>) =>
			(await searchMembers(db, search(params))).rows.map((r) => r.name);

		// "zwol" is in a name, an address and an organisation; two words must both match.
		expect(await names({ q: 'zwol' })).toEqual(['Henk Zwolsman', 'Ineke Zwolle-Bakker']);
		expect(await names({ q: 'GEMEENTE zwolle' })).toEqual(['Henk Zwolsman']);
		expect(await names({ q: 'zwol', status: 'applicant' })).toEqual(['Ineke Zwolle-Bakker']);
		expect(await names({ rol: 'editor' })).toEqual(['Piet 50%_Procent']);
		expect(await names({ status: 'suspended', rol: 'admin' })).toEqual([]);
		// Wildcards are text: "%" does not match everything.
		expect(await names({ q: '50%_' })).toEqual(['Piet 50%_Procent']);
		expect(await names({ q: '%' })).toEqual(['Piet 50%_Procent']);
		// Unknown filter values mean "all", so a stale shared link still answers.
		expect((await searchMembers(db, search({ status: 'weg', rol: 'baas' }))).total).toBe(4);

		const first = await searchMembers(db, search({}), 3);
		expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2 });
		expect(first.rows).toHaveLength(3);
		const past = await searchMembers(db, search({ pagina: '9' }), 3);
		expect(past.page).toBe(2);
		expect(past.rows.map((r) => r.name)).toEqual(['Piet 50%_Procent']);
	});

	it('suspends a member: sessions end, the reason is mailed and kept, the log says who', async () => {
		const { db, admin } = await setup();
		const member = await buildMember(db, { name: 'Sem Schors' });
		await signedInSession(member.id);
		await signedInSession(member.id);

		const result = await suspendMember(db, {
			actorId: admin.id,
			userId: member.id,
			reason: 'Herhaaldelijk reclame geplaatst.'
		});
		expect(result).toEqual({ ok: true, name: 'Sem Schors' });

		const detail = await memberForAdmin(db, member.id);
		expect(detail).toMatchObject({
			status: 'suspended',
			suspension_reason: 'Herhaaldelijk reclame geplaatst.',
			activeSessions: 0
		});
		expect(detail?.suspended_at).toBeTruthy();
		const mails = await mailsTo(member.email);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ kind: 'suspension' });
		expect(mails[0]!.text_body).toContain('Herhaaldelijk reclame geplaatst.');

		const history = await memberHistory(db, member.id);
		expect(history.map((h) => [h.action, h.actor_name])).toEqual([
			['member.suspended', 'Alie Admin']
		]);
		// The reason is personal: it stays on the account, not in the log.
		expect(history[0]!.details).toBe('{}');

		expect(
			await suspendMember(db, { actorId: admin.id, userId: member.id, reason: 'Nog eens.' })
		).toEqual({ ok: false, reason: 'already_suspended' });

		expect(await unsuspendMember(db, { actorId: admin.id, userId: member.id, origin })).toEqual({
			ok: true,
			name: 'Sem Schors'
		});
		expect(await memberForAdmin(db, member.id)).toMatchObject({
			status: 'active',
			suspended_at: null,
			suspension_reason: null
		});
		expect((await mailsTo(member.email)).map((m) => m.kind)).toEqual(
			expect.arrayContaining(['suspension', 'reinstatement'])
		);
		expect(await unsuspendMember(db, { actorId: admin.id, userId: member.id, origin })).toEqual({
			ok: false,
			reason: 'not_suspended'
		});
		expect((await memberHistory(db, member.id)).map((h) => h.action)).toEqual([
			'member.unsuspended',
			'member.suspended'
		]);
	});

	it('changes roles with the change in the log, and leaves applicants to the queue', async () => {
		const { db, admin } = await setup();
		const member = await buildMember(db, { name: 'Rik Rol' });
		const applicant = await buildMember(db, { status: 'applicant' });

		expect(
			await changeMemberRole(db, { actorId: admin.id, userId: member.id, role: 'editor', origin })
		).toEqual({ ok: true, name: 'Rik Rol' });
		expect((await memberForAdmin(db, member.id))?.role).toBe('editor');
		const [mail] = await mailsTo(member.email);
		expect(mail).toMatchObject({
			kind: 'role-changed',
			subject: 'Je bent nu redacteur van het Kennisnetwerk'
		});
		const log = await listAuditLog(db, { page: 1 });
		expect(log.rows[0]).toMatchObject({
			action: 'member.role_changed',
			actor_name: 'Alie Admin',
			subject_name: 'Rik Rol'
		});
		expect(JSON.parse(log.rows[0]!.details)).toEqual({ from: 'member', to: 'editor' });

		expect(
			await changeMemberRole(db, { actorId: admin.id, userId: member.id, role: 'editor', origin })
		).toEqual({ ok: false, reason: 'unchanged' });
		expect(
			await changeMemberRole(db, { actorId: admin.id, userId: applicant.id, role: 'admin', origin })
		).toEqual({ ok: false, reason: 'not_member' });
		expect(
			await suspendMember(db, { actorId: admin.id, userId: applicant.id, reason: 'x' })
		).toEqual({ ok: false, reason: 'not_member' });
		expect(
			await changeMemberRole(db, {
				actorId: admin.id,
				userId: randomUUID(),
				role: 'editor',
				origin
			})
		).toEqual({ ok: false, reason: 'not_found' });
	});

	it('never lets an admin lock themselves out, nor act once no longer an admin', async () => {
		const { db, admin } = await setup();
		const other = await buildMember(db, { role: 'admin', name: 'Bea Beheer' });
		for (const attempt of [
			changeMemberRole(db, { actorId: admin.id, userId: admin.id, role: 'member', origin }),
			suspendMember(db, { actorId: admin.id, userId: admin.id, reason: 'test' }),
			deleteMember(db, {
				actorId: admin.id,
				userId: admin.id,
				removeContributions: false,
				photosDir
			})
		]) {
			expect(await attempt).toEqual({ ok: false, reason: 'self' });
		}
		expect(await memberForAdmin(db, admin.id)).toMatchObject({ role: 'admin', status: 'active' });

		// Once demoted by the other admin, the first can no longer act.
		await changeMemberRole(db, { actorId: other.id, userId: admin.id, role: 'member', origin });
		expect(
			await changeMemberRole(db, { actorId: admin.id, userId: other.id, role: 'member', origin })
		).toEqual({ ok: false, reason: 'not_allowed' });
		expect((await memberForAdmin(db, other.id))?.role).toBe('admin');
	});

	it('leaves one admin when two admins demote each other at the same moment', async () => {
		const { db, admin } = await setup();
		const other = await buildMember(db, { role: 'admin' });
		const results = await Promise.all([
			changeMemberRole(db, { actorId: admin.id, userId: other.id, role: 'member', origin }),
			changeMemberRole(db, { actorId: other.id, userId: admin.id, role: 'member', origin })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'not_allowed' }]);
		const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
		expect(admins).toHaveLength(1);
	});

	it('deletes an account for good, with only the fact in the log', async () => {
		const { db, admin } = await setup();
		const member = await buildMember(db, { name: 'Door Verwijderd' });
		await signedInSession(member.id);
		expect(
			await deleteMember(db, {
				actorId: admin.id,
				userId: member.id,
				removeContributions: false,
				photosDir
			})
		).toEqual({ ok: true, name: 'Door Verwijderd' });
		expect(await memberForAdmin(db, member.id)).toBeUndefined();
		expect(
			await db.selectFrom('sessions').select('id').where('user_id', '=', member.id).execute()
		).toEqual([]);
		const log = await listAuditLog(db, { page: 1 });
		expect(log.rows[0]).toMatchObject({
			action: 'member.deleted',
			actor_name: 'Alie Admin',
			subject_name: null
		});
		expect(log.rows[0]!.details).not.toContain('Door');
		expect(
			await deleteMember(db, {
				actorId: admin.id,
				userId: member.id,
				removeContributions: false,
				photosDir
			})
		).toEqual({ ok: false, reason: 'not_found' });
	});
});
