import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../db';
import type { JoinPolicy, NetworkKind, NetworkVisibility } from '../../db/tables/networks';
import { queueMail } from '../../platform/mail';
import { slugify } from '../../platform/slug';
import { invitationMail, requestDecidedMail, requestToCoordinatorMail } from './mails';
import { memberCounts } from './queries';
import { indexNetwork } from '../search/mutations';
import { type AuditEntry, writeAudit } from '../../platform/audit';

/** How long an invitation link works. */
export const INVITATION_DAYS = 30;

const now = () => new Date().toISOString();
const networkUrl = (origin: string, slug: string) =>
	new URL(`/netwerken/${slug}`, origin).toString();

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

async function networkRow(db: DB, networkId: string) {
	return db
		.selectFrom('networks')
		.select(['id', 'slug', 'name', 'summary', 'join_policy'])
		.where('id', '=', networkId)
		.executeTakeFirst();
}

async function activeCoordinators(db: DB, networkId: string) {
	return db
		.selectFrom('network_members')
		.innerJoin('users', 'users.id', 'network_members.user_id')
		.select(['users.id', 'users.name', 'users.email'])
		.where('network_members.network_id', '=', networkId)
		.where('network_members.role', '=', 'coordinator')
		.where('network_members.status', '=', 'active')
		.where('users.status', '=', 'active')
		.execute();
}

export type JoinResult =
	| { ok: true; status: 'active' | 'requested' }
	| { ok: false; reason: 'not_found' | 'already_member' | 'already_requested' | 'not_allowed' };

/**
 * Ends one membership (leaving, or a coordinator removing someone), unless it is the network's
 * last active coordinator: false then, and nothing changes.
 */
async function endMembership(
	trx: DB,
	networkId: string,
	userId: string,
	coordinates: boolean
): Promise<boolean> {
	if (coordinates) {
		const others = (await activeCoordinators(trx, networkId)).filter((c) => c.id !== userId);
		if (others.length === 0) return false;
	}
	await trx
		.deleteFrom('network_members')
		.where('network_id', '=', networkId)
		.where('user_id', '=', userId)
		.execute();
	return true;
}

/** After a change of membership: this process counts the network's members again. */
async function recounted<T>(db: DB, work: Promise<T>): Promise<T> {
	try {
		return await work;
	} finally {
		memberCounts.forget(db);
	}
}

/**
 * A member joins an open network at once, or asks to join an on-request one (the coordinators
 * get an e-mail). The route has asked the policy; this checks the policy's facts again inside
 * the transaction, so a changed join policy or a double click never lets anyone in twice.
 */
export async function joinNetwork(
	db: DB,
	input: { networkId: string; userId: string; message?: string; origin: string }
): Promise<JoinResult> {
	return recounted(
		db,
		db.transaction().execute(async (trx): Promise<JoinResult> => {
			const network = await networkRow(trx, input.networkId);
			if (!network) return { ok: false, reason: 'not_found' };
			if (network.join_policy === 'invitation') return { ok: false, reason: 'not_allowed' };
			const status = network.join_policy === 'open' ? 'active' : 'requested';
			const inserted = await trx
				.insertInto('network_members')
				.values({
					network_id: network.id,
					user_id: input.userId,
					role: 'member',
					status,
					message: status === 'requested' ? (input.message ?? '').trim() : ''
				})
				.onConflict((oc) => oc.columns(['network_id', 'user_id']).doNothing())
				.executeTakeFirst();
			if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
				const existing = await trx
					.selectFrom('network_members')
					.select('status')
					.where('network_id', '=', network.id)
					.where('user_id', '=', input.userId)
					.executeTakeFirst();
				return {
					ok: false,
					reason: existing?.status === 'requested' ? 'already_requested' : 'already_member'
				};
			}
			if (status === 'requested') {
				const requester = await trx
					.selectFrom('users')
					.select('name')
					.where('id', '=', input.userId)
					.executeTakeFirstOrThrow();
				for (const coordinator of await activeCoordinators(trx, network.id)) {
					await queueMail(trx, {
						to: coordinator.email,
						kind: 'network-request',
						...requestToCoordinatorMail({
							coordinatorName: coordinator.name,
							requesterName: requester.name,
							networkName: network.name,
							message: (input.message ?? '').trim(),
							manageUrl: new URL(`/netwerken/${network.slug}/beheer`, input.origin).toString()
						})
					});
				}
			}
			return { ok: true, status };
		})
	);
}

export type LeaveResult =
	| { ok: true; was: 'active' | 'requested' }
	| { ok: false; reason: 'not_member' | 'last_coordinator' };

/**
 * Leaves a network, or withdraws a request. The last coordinator cannot leave: a network always
 * has someone who runs it (an admin can appoint another first).
 */
export async function leaveNetwork(
	db: DB,
	input: { networkId: string; userId: string }
): Promise<LeaveResult> {
	return recounted(
		db,
		db.transaction().execute(async (trx): Promise<LeaveResult> => {
			const row = await trx
				.selectFrom('network_members')
				.select(['role', 'status'])
				.where('network_id', '=', input.networkId)
				.where('user_id', '=', input.userId)
				.executeTakeFirst();
			if (!row) return { ok: false, reason: 'not_member' };
			const coordinates = row.role === 'coordinator' && row.status === 'active';
			if (!(await endMembership(trx, input.networkId, input.userId, coordinates))) {
				return { ok: false, reason: 'last_coordinator' };
			}
			return { ok: true, was: row.status };
		})
	);
}

export type CoordinateResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' | 'not_requested' | 'last_coordinator' | 'unchanged' };

/** A coordinator approves or declines a request to join; the member gets an e-mail either way. */
export async function decideRequest(
	db: DB,
	input: {
		networkId: string;
		userId: string;
		actorId: string;
		approve: boolean;
		origin: string;
		/** An admin acting in a network they do not coordinate. */
		audit?: AuditEntry | null;
	}
): Promise<CoordinateResult> {
	return recounted(
		db,
		db.transaction().execute(async (trx): Promise<CoordinateResult> => {
			const network = await networkRow(trx, input.networkId);
			const member = await trx
				.selectFrom('network_members')
				.innerJoin('users', 'users.id', 'network_members.user_id')
				.select(['users.name', 'users.email', 'network_members.status'])
				.where('network_members.network_id', '=', input.networkId)
				.where('network_members.user_id', '=', input.userId)
				.executeTakeFirst();
			if (!network || !member) return { ok: false, reason: 'not_found' };
			if (member.status !== 'requested') return { ok: false, reason: 'not_requested' };
			if (input.approve) {
				await trx
					.updateTable('network_members')
					.set({ status: 'active', decided_at: now(), decided_by: input.actorId })
					.where('network_id', '=', input.networkId)
					.where('user_id', '=', input.userId)
					.where('status', '=', 'requested')
					.execute();
			} else {
				await trx
					.deleteFrom('network_members')
					.where('network_id', '=', input.networkId)
					.where('user_id', '=', input.userId)
					.where('status', '=', 'requested')
					.execute();
			}
			await queueMail(trx, {
				to: member.email,
				kind: input.approve ? 'network-request-approved' : 'network-request-declined',
				...requestDecidedMail({
					name: member.name,
					networkName: network.name,
					approved: input.approve,
					networkUrl: networkUrl(input.origin, network.slug)
				})
			});
			if (input.audit) await writeAudit(trx, input.audit);
			return { ok: true, name: member.name };
		})
	);
}

/** A coordinator removes a member (not the last coordinator). */
export async function removeMember(
	db: DB,
	input: { networkId: string; userId: string; audit?: AuditEntry | null }
): Promise<CoordinateResult> {
	return recounted(
		db,
		db.transaction().execute(async (trx): Promise<CoordinateResult> => {
			const member = await trx
				.selectFrom('network_members')
				.innerJoin('users', 'users.id', 'network_members.user_id')
				.select(['users.name', 'network_members.role', 'network_members.status'])
				.where('network_members.network_id', '=', input.networkId)
				.where('network_members.user_id', '=', input.userId)
				.executeTakeFirst();
			if (!member || member.status !== 'active') return { ok: false, reason: 'not_found' };
			const coordinates = member.role === 'coordinator';
			if (!(await endMembership(trx, input.networkId, input.userId, coordinates))) {
				return { ok: false, reason: 'last_coordinator' };
			}
			if (input.audit) await writeAudit(trx, input.audit);
			return { ok: true, name: member.name };
		})
	);
}

/** A coordinator makes a member coordinator, or back to member (never the last coordinator). */
export async function setMemberRole(
	db: DB,
	input: {
		networkId: string;
		userId: string;
		role: 'member' | 'coordinator';
		audit?: AuditEntry | null;
	}
): Promise<CoordinateResult> {
	return db.transaction().execute(async (trx): Promise<CoordinateResult> => {
		const member = await trx
			.selectFrom('network_members')
			.innerJoin('users', 'users.id', 'network_members.user_id')
			.select(['users.name', 'network_members.role', 'network_members.status'])
			.where('network_members.network_id', '=', input.networkId)
			.where('network_members.user_id', '=', input.userId)
			.executeTakeFirst();
		if (!member || member.status !== 'active') return { ok: false, reason: 'not_found' };
		if (member.role === input.role) return { ok: false, reason: 'unchanged' };
		if (input.role === 'member') {
			const others = (await activeCoordinators(trx, input.networkId)).filter(
				(c) => c.id !== input.userId
			);
			if (others.length === 0) return { ok: false, reason: 'last_coordinator' };
		}
		await trx
			.updateTable('network_members')
			.set({ role: input.role })
			.where('network_id', '=', input.networkId)
			.where('user_id', '=', input.userId)
			.execute();
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true, name: member.name };
	});
}

export interface InviteOutcome {
	invited: string[];
	alreadyMembers: string[];
}

/**
 * Invites addresses to a network by e-mail, members and non-members alike. Inviting an address
 * again renews its link (the old one stops working). Addresses of current members are skipped.
 */
export async function inviteToNetwork(
	db: DB,
	input: {
		networkId: string;
		emails: string[];
		message: string;
		actorId: string;
		origin: string;
		audit?: AuditEntry | null;
	}
): Promise<InviteOutcome | undefined> {
	return db.transaction().execute(async (trx) => {
		const network = await networkRow(trx, input.networkId);
		if (!network) return undefined;
		const inviter = await trx
			.selectFrom('users')
			.select('name')
			.where('id', '=', input.actorId)
			.executeTakeFirstOrThrow();
		const members = new Set(
			(
				await trx
					.selectFrom('network_members')
					.innerJoin('users', 'users.id', 'network_members.user_id')
					.select('users.email')
					.where('network_members.network_id', '=', network.id)
					.where('network_members.status', '=', 'active')
					.execute()
			).map((r) => r.email.toLowerCase())
		);
		const outcome: InviteOutcome = { invited: [], alreadyMembers: [] };
		const expires = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
		for (const email of input.emails) {
			if (members.has(email)) {
				outcome.alreadyMembers.push(email);
				continue;
			}
			const token = randomBytes(24).toString('base64url');
			const values = {
				token_hash: tokenHash(token),
				invited_by: input.actorId,
				message: input.message,
				created_at: now(),
				expires_at: expires,
				accepted_at: null,
				accepted_by: null
			};
			await trx
				.insertInto('network_invitations')
				.values({ id: randomUUID(), network_id: network.id, email, ...values })
				.onConflict((oc) => oc.columns(['network_id', 'email']).doUpdateSet(values))
				.execute();
			await queueMail(trx, {
				to: email,
				kind: 'network-invitation',
				...invitationMail({
					inviterName: inviter.name,
					networkName: network.name,
					networkSummary: network.summary,
					message: input.message,
					origin: input.origin,
					token,
					days: INVITATION_DAYS
				})
			});
			outcome.invited.push(email);
		}
		if (input.audit && outcome.invited.length) {
			await writeAudit(trx, {
				...input.audit,
				details: { ...input.audit.details, count: outcome.invited.length }
			});
		}
		return outcome;
	});
}

/** Withdraws an open invitation. */
export async function revokeInvitation(
	db: DB,
	input: { networkId: string; invitationId: string }
): Promise<boolean> {
	const result = await db
		.deleteFrom('network_invitations')
		.where('id', '=', input.invitationId)
		.where('network_id', '=', input.networkId)
		.where('accepted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export type AcceptResult =
	{ ok: true; slug: string; name: string } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * A signed-in member accepts an invitation with the token from the mail: they become a member
 * (also of a private or invitation-only network), and the link is used up. An existing request
 * becomes a membership.
 */
export async function acceptInvitation(
	db: DB,
	input: { token: string; userId: string }
): Promise<AcceptResult> {
	return recounted(
		db,
		db.transaction().execute(async (trx): Promise<AcceptResult> => {
			const invitation = await trx
				.selectFrom('network_invitations')
				.innerJoin('networks', 'networks.id', 'network_invitations.network_id')
				.select([
					'network_invitations.id',
					'network_invitations.network_id',
					'network_invitations.expires_at',
					'network_invitations.accepted_at',
					'networks.slug',
					'networks.name'
				])
				.where('network_invitations.token_hash', '=', tokenHash(input.token))
				.executeTakeFirst();
			if (!invitation || invitation.accepted_at) return { ok: false, reason: 'invalid' };
			if (new Date(invitation.expires_at).getTime() <= Date.now()) {
				return { ok: false, reason: 'expired' };
			}
			await addAsMember(trx, invitation.network_id, input.userId);
			await trx
				.updateTable('network_invitations')
				.set({ accepted_at: now(), accepted_by: input.userId })
				.where('id', '=', invitation.id)
				.execute();
			return { ok: true, slug: invitation.slug, name: invitation.name };
		})
	);
}

async function addAsMember(trx: DB, networkId: string, userId: string) {
	await trx
		.insertInto('network_members')
		.values({ network_id: networkId, user_id: userId, role: 'member', status: 'active' })
		.onConflict((oc) =>
			oc
				.columns(['network_id', 'user_id'])
				.doUpdateSet({ status: 'active', decided_at: now() })
				.where('network_members.status', '=', 'requested')
		)
		.execute();
}

/**
 * The open invitations for an address (not used, not expired). An applicant with one is approved
 * once their address is verified, and joins those networks (see accounts' settle and approve).
 */
export async function openInvitationsFor(db: DB, email: string) {
	return db
		.selectFrom('network_invitations')
		.innerJoin('networks', 'networks.id', 'network_invitations.network_id')
		.select(['network_invitations.id', 'network_invitations.network_id', 'networks.name'])
		.where(sql`lower(network_invitations.email)`, '=', email.toLowerCase())
		.where('network_invitations.accepted_at', 'is', null)
		.where('network_invitations.expires_at', '>', now())
		.execute();
}

/** Accepts every open invitation for a new member's address: they join those networks. */
export async function acceptInvitationsOf(
	db: DB,
	input: { userId: string; email: string }
): Promise<number> {
	const invitations = await openInvitationsFor(db, input.email);
	for (const invitation of invitations) {
		await addAsMember(db, invitation.network_id, input.userId);
		await db
			.updateTable('network_invitations')
			.set({ accepted_at: now(), accepted_by: input.userId })
			.where('id', '=', invitation.id)
			.execute();
	}
	return invitations.length;
}

export interface NetworkSettings {
	name: string;
	kind: NetworkKind;
	summary: string;
	description: string;
	audience: string;
	visibility: NetworkVisibility;
	joinPolicy: JoinPolicy;
}

/** A coordinator or admin creates a network; they become its first coordinator. */
export async function createNetwork(
	db: DB,
	input: { actorId: string; settings: NetworkSettings }
): Promise<{ ok: true; slug: string } | { ok: false; reason: 'name_taken' }> {
	return db.transaction().execute(async (trx) => {
		const slug = slugify(input.settings.name) || `netwerk-${randomUUID().slice(0, 8)}`;
		const id = randomUUID();
		const inserted = await trx
			.insertInto('networks')
			.values({
				id,
				slug,
				name: input.settings.name,
				kind: input.settings.kind,
				summary: input.settings.summary,
				description: input.settings.description,
				audience: input.settings.audience,
				visibility: input.settings.visibility,
				join_policy: input.settings.joinPolicy,
				position: 1000,
				created_by: input.actorId
			})
			.onConflict((oc) => oc.column('slug').doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
			return { ok: false, reason: 'name_taken' } as const;
		}
		await trx
			.insertInto('network_members')
			.values({ network_id: id, user_id: input.actorId, role: 'coordinator', status: 'active' })
			.execute();
		await indexNetwork(trx, id);
		return { ok: true, slug } as const;
	});
}

/** A coordinator changes the network's settings (the address, its slug, stays the same). */
export async function updateNetwork(
	db: DB,
	input: { networkId: string; settings: NetworkSettings; audit?: AuditEntry | null }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('networks')
			.set({
				name: input.settings.name,
				kind: input.settings.kind,
				summary: input.settings.summary,
				description: input.settings.description,
				audience: input.settings.audience,
				visibility: input.settings.visibility,
				join_policy: input.settings.joinPolicy,
				updated_at: now()
			})
			.where('id', '=', input.networkId)
			.execute();
		// Its page and everything inside it follow the new settings in search at once.
		await indexNetwork(trx, input.networkId);
		if (input.audit) await writeAudit(trx, input.audit);
	});
}
