import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { settleVerifiedApplicant } from '../accounts/mutations';
import {
	acceptInvitation,
	createNetwork,
	decideRequest,
	inviteToNetwork,
	joinNetwork,
	leaveNetwork,
	removeMember,
	setMemberRole,
	tokenHash
} from './mutations';
import {
	membershipOf,
	networkForViewer,
	networkMemberExport,
	networkMembers,
	pendingRequests
} from './queries';

const origin = 'https://kennisnetwerk.example';

describe.each(DIALECTS)('network membership on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup(joinPolicy: 'open' | 'request' | 'invitation' = 'request') {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const network = await buildNetwork(handle.db, { name: 'Regio Testland', joinPolicy });
		const coordinator = await buildMember(handle.db, { name: 'Cor Coördinator' });
		await addNetworkMember(handle.db, network.id, coordinator.id, { role: 'coordinator' });
		const member = await buildMember(handle.db, { name: 'Mia Meedoener' });
		return { db: handle.db, network, coordinator, member };
	}

	const viewer = (userId: string) => ({ kind: 'member' as const, userId, role: 'member' as const });

	async function mails() {
		return handle.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'kind', 'subject', 'text_body'])
			.orderBy('created_at')
			.execute();
	}

	it('joins an open network at once, and a double click joins once', async () => {
		const { db, network, member } = await setup('open');
		const [first, second] = await Promise.all([
			joinNetwork(db, { networkId: network.id, userId: member.id, origin }),
			joinNetwork(db, { networkId: network.id, userId: member.id, origin })
		]);
		expect([first, second]).toEqual(
			expect.arrayContaining([
				{ ok: true, status: 'active' },
				{ ok: false, reason: 'already_member' }
			])
		);
		expect(await membershipOf(db, network.id, viewer(member.id))).toEqual({
			role: 'member',
			status: 'active'
		});
		expect(await mails()).toEqual([]);
	});

	it('asks to join an on-request network; the coordinator approves and the member is told', async () => {
		const { db, network, coordinator, member } = await setup('request');
		expect(
			await joinNetwork(db, {
				networkId: network.id,
				userId: member.id,
				message: '  Ik werk aan het regionale loket.  ',
				origin
			})
		).toEqual({ ok: true, status: 'requested' });
		const [toCoordinator] = await mails();
		expect(toCoordinator).toMatchObject({
			to_address: coordinator.email,
			kind: 'network-request',
			subject: 'Verzoek om lid te worden van Regio Testland'
		});
		expect(toCoordinator!.text_body).toContain('Ik werk aan het regionale loket.');
		expect(toCoordinator!.text_body).toContain(`${origin}/netwerken/${network.slug}/beheer`);

		// Asking gives no access yet: a request is not a membership.
		const found = await networkForViewer(db, network.slug, viewer(member.id));
		expect(found?.membership).toEqual({ role: 'member', status: 'requested' });
		expect((await networkMembers(db, network.id, { page: 1 })).total).toBe(1);
		expect((await pendingRequests(db, network.id)).map((r) => r.name)).toEqual(['Mia Meedoener']);

		expect(
			await decideRequest(db, {
				networkId: network.id,
				userId: member.id,
				actorId: coordinator.id,
				approve: true,
				origin
			})
		).toEqual({ ok: true, name: 'Mia Meedoener' });
		expect(
			await decideRequest(db, {
				networkId: network.id,
				userId: member.id,
				actorId: coordinator.id,
				approve: true,
				origin
			})
		).toEqual({ ok: false, reason: 'not_requested' });
		expect((await mails()).at(-1)).toMatchObject({
			to_address: member.email,
			kind: 'network-request-approved',
			subject: 'Je bent lid van Regio Testland'
		});
		expect((await networkMembers(db, network.id, { page: 1 })).rows.map((r) => r.name)).toEqual([
			'Cor Coördinator',
			'Mia Meedoener'
		]);
	});

	it('declines a request with a mail, and lets a member withdraw one', async () => {
		const { db, network, coordinator, member } = await setup('request');
		const other = await buildMember(db);
		await joinNetwork(db, { networkId: network.id, userId: member.id, origin });
		await joinNetwork(db, { networkId: network.id, userId: other.id, origin });
		await decideRequest(db, {
			networkId: network.id,
			userId: member.id,
			actorId: coordinator.id,
			approve: false,
			origin
		});
		expect(await membershipOf(db, network.id, viewer(member.id))).toBeNull();
		expect((await mails()).at(-1)).toMatchObject({ kind: 'network-request-declined' });
		expect(await leaveNetwork(db, { networkId: network.id, userId: other.id })).toEqual({
			ok: true,
			was: 'requested'
		});
		expect(await pendingRequests(db, network.id)).toEqual([]);
	});

	it('never leaves a network without a coordinator', async () => {
		const { db, network, coordinator, member } = await setup('open');
		await joinNetwork(db, { networkId: network.id, userId: member.id, origin });
		const only = { networkId: network.id, userId: coordinator.id };
		expect(await leaveNetwork(db, only)).toEqual({ ok: false, reason: 'last_coordinator' });
		expect(await removeMember(db, only)).toEqual({ ok: false, reason: 'last_coordinator' });
		expect(await setMemberRole(db, { ...only, role: 'member' })).toEqual({
			ok: false,
			reason: 'last_coordinator'
		});
		expect(
			await setMemberRole(db, { networkId: network.id, userId: member.id, role: 'coordinator' })
		).toEqual({ ok: true, name: 'Mia Meedoener' });
		expect(await leaveNetwork(db, only)).toEqual({ ok: true, was: 'active' });
		expect(await removeMember(db, { networkId: network.id, userId: member.id })).toEqual({
			ok: false,
			reason: 'last_coordinator'
		});
	});

	it('invites by address: a member accepts with the link, once; a new invitation replaces the link', async () => {
		const { db, network, coordinator, member } = await setup('invitation');
		expect(await joinNetwork(db, { networkId: network.id, userId: member.id, origin })).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		const outcome = await inviteToNetwork(db, {
			networkId: network.id,
			emails: [member.email, coordinator.email],
			message: 'Doe je mee?',
			actorId: coordinator.id,
			origin
		});
		expect(outcome).toEqual({ invited: [member.email], alreadyMembers: [coordinator.email] });
		const firstLink = (await mails()).at(-1)!.text_body.match(/\/uitnodiging\/(\S+)/)![1]!;
		await inviteToNetwork(db, {
			networkId: network.id,
			emails: [member.email],
			message: '',
			actorId: coordinator.id,
			origin
		});
		const secondLink = (await mails()).at(-1)!.text_body.match(/\/uitnodiging\/(\S+)/)![1]!;
		expect(secondLink).not.toBe(firstLink);
		expect(await acceptInvitation(db, { token: firstLink, userId: member.id })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await acceptInvitation(db, { token: secondLink, userId: member.id })).toEqual({
			ok: true,
			slug: network.slug,
			name: 'Regio Testland'
		});
		expect(await acceptInvitation(db, { token: secondLink, userId: member.id })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await membershipOf(db, network.id, viewer(member.id))).toEqual({
			role: 'member',
			status: 'active'
		});

		// An expired link says so.
		const late = await buildMember(db);
		await inviteToNetwork(db, {
			networkId: network.id,
			emails: [late.email],
			message: '',
			actorId: coordinator.id,
			origin
		});
		const lateLink = (await mails()).at(-1)!.text_body.match(/\/uitnodiging\/(\S+)/)![1]!;
		await db
			.updateTable('network_invitations')
			.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.where('token_hash', '=', tokenHash(lateLink))
			.execute();
		expect(await acceptInvitation(db, { token: lateLink, userId: late.id })).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('approves an invited applicant once their address is verified, into the network', async () => {
		const { db, network, coordinator } = await setup('invitation');
		await inviteToNetwork(db, {
			networkId: network.id,
			emails: ['nieuw.lid@adviesbureau.example'],
			message: '',
			actorId: coordinator.id,
			origin
		});
		const applicant = await buildMember(db, {
			email: 'nieuw.lid@adviesbureau.example',
			status: 'applicant'
		});
		expect(await settleVerifiedApplicant(db, applicant.id, { origin })).toEqual({
			ok: true,
			outcome: 'approved'
		});
		expect(await membershipOf(db, network.id, viewer(applicant.id))).toEqual({
			role: 'member',
			status: 'active'
		});
		const log = await db.selectFrom('audit_log').select(['action', 'details']).execute();
		expect(log).toEqual([
			{
				action: 'application.auto_approved',
				details: JSON.stringify({ via: 'uitnodiging: Regio Testland' })
			}
		]);
	});

	it('makes the creator of a network its coordinator, refuses a duplicate name, and exports members', async () => {
		const { db, coordinator } = await setup();
		const settings = {
			name: 'Werkgroep Bedrijventerreinen',
			kind: 'thematic' as const,
			summary: 'Vitale bedrijventerreinen in de regio.',
			description: '',
			audience: '',
			visibility: 'members' as const,
			joinPolicy: 'open' as const
		};
		const created = await createNetwork(db, { actorId: coordinator.id, settings });
		expect(created).toEqual({ ok: true, slug: 'werkgroep-bedrijventerreinen' });
		expect(await createNetwork(db, { actorId: coordinator.id, settings })).toEqual({
			ok: false,
			reason: 'name_taken'
		});
		const found = await networkForViewer(
			db,
			'werkgroep-bedrijventerreinen',
			viewer(coordinator.id)
		);
		expect(found?.membership).toEqual({ role: 'coordinator', status: 'active' });
		const exported = await networkMemberExport(db, found!.network.id);
		expect(exported.map((r) => [r.name, r.email, r.role])).toEqual([
			['Cor Coördinator', coordinator.email, 'coordinator']
		]);
	});
});
