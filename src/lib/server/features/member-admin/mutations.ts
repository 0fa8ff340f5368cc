import { sql } from 'kysely';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import type { UserRole } from '../../db/tables/users';
import { writeAudit } from '../../platform/audit';
import { queueMail } from '../../platform/mail';
import { eraseAccount } from '../accounts/mutations';
import { deletePhotoFile } from '../people/photo';
import { reinstatementMail, roleChangedMail, suspensionMail } from './mails';
import { indexMember } from '../search/mutations';

/**
 * Why an admin's change to another account did not happen:
 * - not_allowed: the acting admin is no longer an active admin (demoted or suspended meanwhile);
 * - self: admins never change their own account here (no locking oneself out);
 * - not_found: no such account; not_member: an applicant (approve or reject them first);
 * - unchanged / already_suspended / not_suspended: it already was so.
 */
export type MemberChangeProblem =
	| 'not_allowed'
	| 'self'
	| 'not_found'
	| 'not_member'
	| 'unchanged'
	| 'already_suspended'
	| 'not_suspended';

export type MemberChangeResult =
	{ ok: true; name: string } | { ok: false; reason: MemberChangeProblem };

type LockedAccount = {
	id: string;
	name: string;
	email: string;
	role: UserRole;
	status: 'applicant' | 'active' | 'suspended';
};

/**
 * Reads the actor's and the subject's accounts inside the transaction so that no other admin
 * can change them until it ends: PostgreSQL locks the rows (in id order, so two admins acting
 * on each other wait instead of deadlocking); SQLite takes its write lock with a first write.
 * Two admins demoting each other at the same moment thus leave one admin, never none.
 */
async function lockAccounts(trx: DB, actorId: string, subjectId: string) {
	const ids = [actorId, subjectId];
	const postgres = dialectOf(trx) === 'postgres';
	if (!postgres) {
		await trx
			.updateTable('users')
			.set({ updated_at: sql`updated_at` })
			.where('id', 'in', ids)
			.execute();
	}
	let query = trx
		.selectFrom('users')
		.select(['id', 'name', 'email', 'role', 'status'])
		.where('id', 'in', ids)
		.orderBy('id');
	if (postgres) query = query.forUpdate();
	const rows: LockedAccount[] = await query.execute();
	const actor = rows.find((r) => r.id === actorId);
	const subject = rows.find((r) => r.id === subjectId);
	return { actor, subject };
}

/** Runs `change` when the actor may change the subject; in one transaction with its checks. */
async function changeMember(
	db: DB,
	input: { actorId: string; userId: string },
	change: (trx: DB, subject: LockedAccount) => Promise<MemberChangeProblem | null>
): Promise<MemberChangeResult> {
	if (input.actorId === input.userId) return { ok: false, reason: 'self' };
	return db.transaction().execute(async (trx): Promise<MemberChangeResult> => {
		const { actor, subject } = await lockAccounts(trx, input.actorId, input.userId);
		if (!actor || actor.role !== 'admin' || actor.status !== 'active') {
			return { ok: false, reason: 'not_allowed' };
		}
		if (!subject) return { ok: false, reason: 'not_found' };
		const problem = await change(trx, subject);
		// Suspended or erased members leave search, reinstated ones return.
		if (!problem) await indexMember(trx, subject.id);
		return problem ? { ok: false, reason: problem } : { ok: true, name: subject.name };
	});
}

/** An admin gives another member a role (member, editor, admin); the member is told by mail. */
export async function changeMemberRole(
	db: DB,
	input: { actorId: string; userId: string; role: UserRole; origin: string }
): Promise<MemberChangeResult> {
	return changeMember(db, input, async (trx, subject) => {
		if (subject.status === 'applicant') return 'not_member';
		if (subject.role === input.role) return 'unchanged';
		await trx
			.updateTable('users')
			.set({ role: input.role, updated_at: new Date().toISOString() })
			.where('id', '=', subject.id)
			.execute();
		await queueMail(trx, {
			to: subject.email,
			kind: 'role-changed',
			...roleChangedMail(subject.name, input.role, input.origin)
		});
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'member.role_changed',
			subjectType: 'user',
			subjectId: subject.id,
			details: { from: subject.role, to: input.role }
		});
		return null;
	});
}

/**
 * An admin suspends a member: no sign-in, every session ends at once, API tokens stop working
 * (they are refused for suspended accounts), and the member receives the reason by mail.
 */
export async function suspendMember(
	db: DB,
	input: { actorId: string; userId: string; reason: string }
): Promise<MemberChangeResult> {
	return changeMember(db, input, async (trx, subject) => {
		if (subject.status === 'applicant') return 'not_member';
		if (subject.status === 'suspended') return 'already_suspended';
		const now = new Date().toISOString();
		await trx
			.updateTable('users')
			.set({
				status: 'suspended',
				suspended_at: now,
				suspension_reason: input.reason,
				updated_at: now
			})
			.where('id', '=', subject.id)
			.execute();
		await trx.deleteFrom('sessions').where('user_id', '=', subject.id).execute();
		await queueMail(trx, {
			to: subject.email,
			kind: 'suspension',
			...suspensionMail(subject.name, input.reason)
		});
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'member.suspended',
			subjectType: 'user',
			subjectId: subject.id
		});
		return null;
	});
}

/** An admin lifts a suspension: the member may sign in again and is told by mail. */
export async function unsuspendMember(
	db: DB,
	input: { actorId: string; userId: string; origin: string }
): Promise<MemberChangeResult> {
	return changeMember(db, input, async (trx, subject) => {
		if (subject.status !== 'suspended') return 'not_suspended';
		await trx
			.updateTable('users')
			.set({
				status: 'active',
				suspended_at: null,
				suspension_reason: null,
				updated_at: new Date().toISOString()
			})
			.where('id', '=', subject.id)
			.execute();
		await queueMail(trx, {
			to: subject.email,
			kind: 'reinstatement',
			...reinstatementMail(subject.name, input.origin)
		});
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'member.unsuspended',
			subjectType: 'user',
			subjectId: subject.id
		});
		return null;
	});
}

/**
 * An admin deletes another account for good, as the member could themselves (GDPR erasure):
 * personal data goes, contributions stay as "voormalig lid" unless `removeContributions`.
 * The audit entry keeps only the fact (the name is gone with the account); the photo's file
 * is deleted after the commit.
 */
export async function deleteMember(
	db: DB,
	input: { actorId: string; userId: string; removeContributions: boolean; photosDir: string }
): Promise<MemberChangeResult> {
	let photo: string | null = null;
	const result = await changeMember(db, input, async (trx, subject) => {
		const erased = await eraseAccount(trx, {
			userId: subject.id,
			removeContributions: input.removeContributions
		});
		photo = erased ? erased.photo : null;
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'member.deleted',
			subjectType: 'user',
			subjectId: subject.id,
			details: { contributionsRemoved: input.removeContributions }
		});
		return null;
	});
	// The photo's file goes once the erasure is committed (never for a refused deletion).
	if (result.ok) await deletePhotoFile(input.photosDir, photo);
	return result;
}
