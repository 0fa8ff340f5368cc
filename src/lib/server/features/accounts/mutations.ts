import { sql } from 'kysely';
import { createHash, randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import { type AuditAction, writeAudit } from '../../platform/audit';
import { queueMail } from '../../platform/mail';
import { slugify } from '../../platform/slug';
import { approvalMail, rejectionMail } from './membership-mails';
import { allowlistEntryFor } from './queries';
import { keepThreadsWithOthersReplies } from '../discussions/mutations';
import { acceptInvitationsOf, openInvitationsFor } from '../networks/mutations';
import { CONTRIBUTIONS } from './personal-data';
import { textColumns, userReferences } from './queries';
import { getConfig } from '../../platform/config';
import { removeRegistration } from '../events/mutations';
import { leave } from '../programmes/mutations';
import {
	indexKnowledgeItem,
	indexMember,
	indexOrganisation,
	postsOf,
	reindexPosts,
	removeSearchDocument
} from '../search/mutations';

/** Ends every session of an account at once (suspension, deletion, a refused sign-in). */
export async function endSessionsOf(db: DB, email: string): Promise<void> {
	await db
		.deleteFrom('sessions')
		.where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('email', '=', email))
		.execute();
}

/**
 * Erases an account for good (GDPR): the users row and, through the foreign keys, everything that
 * belongs to it (sessions, password, themes, two-factor, application). Contributions stay as
 * "voormalig lid" (their reference becomes null) unless `removeContributions`; acts on other
 * people's things (decisions, audit entries) always stay without the reference. References
 * without an ON DELETE rule are cleared here, found from the schema like the export's. E-mails
 * to the person go; e-mails to others lose the person's address and name. False when there was
 * no such account; otherwise the name of the person's photo file, which the caller deletes
 * (features/people/photo.ts deletePhotoFile) once the transaction has committed.
 */
export async function eraseAccount(
	db: DB,
	input: {
		userId: string;
		removeContributions: boolean;
		/** For the links in the mails of those who move up into a freed place. */
		origin?: string;
	}
): Promise<false | { photo: string | null }> {
	if (!db.isTransaction) return db.transaction().execute((trx) => eraseAccount(trx, input));
	const { userId } = input;
	const user = await db
		.selectFrom('users')
		.select(['email', 'name', 'photo'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return false;

	// Places the person held go to whoever waits, as when they leave or cancel themselves.
	await giveUpPlaces(db, userId, user.email, input.origin ?? getConfig().origin);
	// Invitations to their address are theirs (the network keeps the membership they led to).
	await db
		.deleteFrom('network_invitations')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', user.email.toLowerCase()))
		.execute();

	const posts = input.removeContributions ? await postsOf(db, userId) : null;
	// Removing one's contributions never takes other members' replies along.
	if (input.removeContributions) await keepThreadsWithOthersReplies(db, userId);
	for (const ref of await userReferences(db)) {
		const where = sql`${sql.ref(ref.column)} = ${userId}`;
		const key = `${ref.table}.${ref.column}`;
		// Never delete another member's row, whatever the option says.
		const removable = ref.table !== 'users';
		if (removable && input.removeContributions && CONTRIBUTIONS.has(key)) {
			await sql`delete from ${sql.table(ref.table)} where ${where}`.execute(db);
		} else if (ref.onDelete === 'no action' || ref.onDelete === 'restrict') {
			if (ref.nullable) {
				await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = null where ${where}`.execute(
					db
				);
			} else if (removable) {
				await sql`delete from ${sql.table(ref.table)} where ${where}`.execute(db);
			}
		}
	}

	await db
		.deleteFrom('verifications')
		.where((eb) => eb.or([eb('value', '=', userId), eb('identifier', '=', user.email)]))
		.execute();
	await db.deleteFrom('mail_outbox').where('to_address', '=', user.email).execute();
	// Names shorter than this would match inside unrelated words.
	const mentions = [user.email, ...(user.name.trim().length >= 4 ? [user.name.trim()] : [])];
	for (const text of mentions) {
		for (const column of ['subject', 'text_body', 'html_body'] as const) {
			await db
				.updateTable('mail_outbox')
				.set({ [column]: sql`replace(${sql.ref(column)}, ${text}, ${FORMER_MEMBER})` })
				// LIKE's wildcards in an address (_) only widen the match; replace() itself is exact.
				.where(column, 'like', `%${text}%`)
				.execute();
		}
	}

	await db.deleteFrom('users').where('id', '=', userId).execute();
	// What others wrote about the person (mentions, their address in a post) and what survives
	// of their own contributions no longer names them; nor does any record keep their id.
	const rewritten = await eraseMentions(db, { id: userId, email: user.email, name: user.name });
	await forgetInRevisions(db, userId);
	await db
		.updateTable('audit_log')
		.set({ subject_id: null })
		.where('subject_type', '=', 'user')
		.where('subject_id', '=', userId)
		.execute();
	// Search forgets the member, and their removed (or emptied) posts, and sees the rewritten ones.
	await removeSearchDocument(db, 'member', userId);
	await reindexPosts(db, {
		threadIds: [...new Set([...(posts?.threadIds ?? []), ...rewritten.threadIds])],
		replyIds: [...new Set([...(posts?.replyIds ?? []), ...rewritten.replyIds])]
	});
	for (const itemId of rewritten.itemIds) await indexKnowledgeItem(db, itemId);
	// A private conversation whose two members have both left is read by nobody.
	await db
		.deleteFrom('conversations')
		.where('member_a_id', 'is', null)
		.where('member_b_id', 'is', null)
		.execute();
	return { photo: user.photo };
}

/** How an erased member is named where their contributions and mentions remain. */
export const FORMER_MEMBER = 'voormalig lid';

/**
 * The person gives up every place they hold: their programme cohorts (the first waiting moves
 * up, programmes/mutations.ts leave) and their registrations for events that have not ended,
 * as a member or as a guest with their address (the first waiting gets the place,
 * events/mutations.ts removeRegistration). Past events' registrations simply go with them.
 */
async function giveUpPlaces(trx: DB, userId: string, email: string, origin: string) {
	const programmes = await trx
		.selectFrom('programme_participants')
		.select('programme_id')
		.where('user_id', '=', userId)
		.execute();
	for (const { programme_id } of programmes) {
		await leave(trx, { programmeId: programme_id, userId, origin });
	}
	const registrations = await trx
		.selectFrom('event_registrations as r')
		.innerJoin('events as e', 'e.id', 'r.event_id')
		.select(['r.id', 'r.event_id', 'e.ends_at'])
		.where((eb) =>
			eb.or([
				eb('r.user_id', '=', userId),
				eb(eb.fn('lower', ['r.guest_email']), '=', email.toLowerCase())
			])
		)
		.execute();
	const now = new Date().toISOString();
	for (const r of registrations) {
		if (new Date(r.ends_at).toISOString() > now) {
			await removeRegistration(trx, {
				eventId: r.event_id,
				registrationId: r.id,
				origin,
				notify: false
			});
		} else {
			await trx.deleteFrom('event_registrations').where('id', '=', r.id).execute();
		}
	}
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtmlText = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Rewrites every text column of every table (found from the schema, so a new table is covered)
 * where the person's address, name or profile link occurs: links to their profile become plain
 * text, and address and name become "voormalig lid". The users table is left alone (the person's
 * row is gone; another member may share the name). The name is only rewritten when it is long
 * enough not to match inside unrelated words and no other member bears it. Returns the posts and
 * knowledge items whose text changed, for the search index.
 */
async function eraseMentions(
	trx: DB,
	person: { id: string; email: string; name: string }
): Promise<{ threadIds: string[]; replyIds: string[]; itemIds: string[] }> {
	const name = person.name.trim();
	const namesake = await trx
		.selectFrom('users')
		.select('id')
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
	const texts = [person.email, ...(name.length >= 4 && !namesake ? [name] : [])];
	const link = new RegExp(
		`<a [^>]*href="/leden/${escapeRegExp(encodeURIComponent(person.id))}"[^>]*>(.*?)</a>`,
		'g'
	);
	const patterns = [
		...texts.map((t) => new RegExp(escapeRegExp(t), 'gi')),
		...(name.length >= 4 && !namesake ? [new RegExp(escapeRegExp(escapeHtmlText(name)), 'gi')] : [])
	];
	const rewrite = (value: string) =>
		patterns.reduce((v, p) => v.replace(p, FORMER_MEMBER), value.replace(link, '$1'));
	const likes = [...texts, escapeHtmlText(name), `/leden/${person.id}`].map(
		(t) => `%${t.toLowerCase()}%`
	);

	const changed = { threadIds: [] as string[], replyIds: [] as string[], itemIds: [] as string[] };
	for (const { table, column } of await textColumns(trx)) {
		if (table === 'users') continue;
		const { rows } = await sql<{ value: string }>`
			select distinct ${sql.ref(column)} as value from ${sql.table(table)}
			where ${sql.join(
				likes.map((l) => sql`lower(${sql.ref(column)}) like ${l}`),
				sql` or `
			)}`.execute(trx);
		for (const { value } of rows) {
			if (typeof value !== 'string') continue;
			const next = rewrite(value);
			if (next === value) continue;
			if (table === 'threads' || table === 'replies' || table === 'knowledge_items') {
				const { rows: ids } = await sql<{ id: string }>`
					select id from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(trx);
				const list =
					table === 'threads'
						? changed.threadIds
						: table === 'replies'
							? changed.replyIds
							: changed.itemIds;
				list.push(...ids.map((r) => r.id));
			}
			await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${next}
				where ${sql.ref(column)} = ${value}`.execute(trx);
		}
	}
	return changed;
}

/**
 * A knowledge item's saved versions name its authors and contact by id: the person leaves them
 * (restoring such a version then never brings the erased account back as an author).
 */
async function forgetInRevisions(trx: DB, userId: string) {
	const rows = await trx
		.selectFrom('knowledge_revisions')
		.select(['id', 'content'])
		.where('content', 'like', `%${userId}%`)
		.execute();
	for (const row of rows) {
		const content = JSON.parse(row.content) as { authors?: unknown; contactId?: unknown };
		if (Array.isArray(content.authors)) {
			content.authors = content.authors.filter((a) => a !== userId);
		}
		if (content.contactId === userId) content.contactId = null;
		await trx
			.updateTable('knowledge_revisions')
			.set({ content: JSON.stringify(content) })
			.where('id', '=', row.id)
			.execute();
	}
}

export interface ApplicationRecord {
	/** Generated before sign-up: it is the token in the verification link's return URL. */
	applicationId: string;
	userId: string;
	organisationId: string | null;
	newOrganisation: { name: string; typeId: string; provinceCode: string | null } | null;
	fieldRoleId: string;
	provinceCode: string;
	themeIds: string[];
	motivation: string;
}

/** Stores what an applicant told us next to the account better-auth just created. */
export async function recordApplication(db: DB, input: ApplicationRecord): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({
				organisation_id: input.organisationId,
				province_code: input.provinceCode,
				field_role_id: input.fieldRoleId,
				updated_at: new Date().toISOString()
			})
			.where('id', '=', input.userId)
			.execute();
		if (input.themeIds.length > 0) {
			await trx
				.insertInto('user_themes')
				.values(input.themeIds.map((theme_id) => ({ user_id: input.userId, theme_id })))
				.onConflict((oc) => oc.columns(['user_id', 'theme_id']).doNothing())
				.execute();
		}
		await trx
			.insertInto('applications')
			.values({
				id: input.applicationId,
				user_id: input.userId,
				motivation: input.motivation,
				organisation_name_new: input.newOrganisation?.name ?? null,
				organisation_type_new: input.newOrganisation?.typeId ?? null,
				organisation_province_new: input.newOrganisation?.provinceCode ?? null,
				decided_by: null,
				decided_at: null,
				decision: null,
				reason: null
			})
			.execute();
	});
}

/**
 * The organisation an applicant proposed, created when they are approved (not before, so the
 * public list never shows what an unapproved stranger typed). An organisation with the same
 * slug is reused.
 */
async function adoptNewOrganisation(trx: DB, userId: string): Promise<void> {
	const proposal = await trx
		.selectFrom('applications')
		.select(['organisation_name_new', 'organisation_type_new', 'organisation_province_new'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!proposal?.organisation_name_new || !proposal.organisation_type_new) return;
	const slug = slugify(proposal.organisation_name_new) || `organisatie-${randomUUID().slice(0, 8)}`;
	await trx
		.insertInto('organisations')
		.values({
			id: randomUUID(),
			slug,
			name: proposal.organisation_name_new,
			type_id: proposal.organisation_type_new,
			province_code: proposal.organisation_province_new,
			municipality_class: null,
			website: null,
			is_partner: false,
			partner_position: null
		})
		.onConflict((oc) => oc.column('slug').doNothing())
		.execute();
	const organisation = await trx
		.selectFrom('organisations')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirstOrThrow();
	await trx
		.updateTable('users')
		.set({ organisation_id: organisation.id })
		.where('id', '=', userId)
		.execute();
	await indexOrganisation(trx, organisation.id);
}

type Applicant = { id: string; name: string; email: string };

/**
 * Makes a verified applicant a member: status, decision, their proposed organisation, the
 * welcome mail and the audit entry, all in `trx`. Only an undecided applicant moves: false when
 * someone else got there first.
 */
async function approveInTransaction(
	trx: DB,
	applicant: Applicant,
	input: { actorId: string | null; action: AuditAction; origin: string; via?: string }
): Promise<boolean> {
	const now = new Date().toISOString();
	const moved = await trx
		.updateTable('users')
		.set({ status: 'active', updated_at: now })
		.where('id', '=', applicant.id)
		.where('status', '=', 'applicant')
		.executeTakeFirst();
	if (Number(moved.numUpdatedRows) === 0) return false;
	const decided = await trx
		.updateTable('applications')
		.set({ decision: 'approved', decided_by: input.actorId, decided_at: now, reason: null })
		.where('user_id', '=', applicant.id)
		.where('decision', 'is', null)
		.executeTakeFirst();
	if (Number(decided.numUpdatedRows) === 0) {
		// No application row (sign-up stored the account but not our fields) or already decided.
		const existing = await trx
			.selectFrom('applications')
			.select('decision')
			.where('user_id', '=', applicant.id)
			.executeTakeFirst();
		if (existing) throw new ApplicationAlreadyDecided();
	}
	await adoptNewOrganisation(trx, applicant.id);
	await indexMember(trx, applicant.id);
	// Invited to networks before they had an account: they are in those networks now.
	await acceptInvitationsOf(trx, { userId: applicant.id, email: applicant.email });
	await queueMail(trx, {
		to: applicant.email,
		kind: 'approval',
		...approvalMail(applicant.name, input.origin)
	});
	await writeAudit(trx, {
		actorId: input.actorId,
		action: input.action,
		subjectType: 'user',
		subjectId: applicant.id,
		details: input.via ? { via: input.via } : {}
	});
	return true;
}

/** Rolls the transaction back when the application turned out to be decided already. */
class ApplicationAlreadyDecided extends Error {}

export type SettleResult =
	| { ok: true; outcome: 'approved' | 'already_member' | 'waiting' | 'rejected' }
	| { ok: false; reason: 'not_found' | 'not_verified' };

/**
 * After an applicant verified their address: approved at once when its domain is on the
 * allowlist or a network invited the address, otherwise left in the queue. Reads email_verified
 * from the database (never from a URL) and may run any number of times: only the first run on a
 * verified, undecided applicant changes anything. `origin` is the app's address, for the link in the welcome mail.
 */
export async function settleVerifiedApplicant(
	db: DB,
	userId: string,
	options: { origin: string }
): Promise<SettleResult> {
	try {
		return await db.transaction().execute(async (trx): Promise<SettleResult> => {
			const user = await pendingApplicant(trx, userId);
			if (!user) return { ok: false, reason: 'not_found' };
			if (!user.email_verified) return { ok: false, reason: 'not_verified' };
			if (user.status !== 'applicant') return { ok: true, outcome: 'already_member' };
			if (user.decision === 'rejected') return { ok: true, outcome: 'rejected' };
			// Approved at once when the address's domain is on the allowlist, or when a network
			// invited this address (accepting the invitation is the approval).
			const entry = await allowlistEntryFor(trx, user.email);
			const invited = entry ? [] : await openInvitationsFor(trx, user.email);
			if (!entry && invited.length === 0) return { ok: true, outcome: 'waiting' };
			const approved = await approveInTransaction(trx, user, {
				actorId: null,
				action: 'application.auto_approved',
				origin: options.origin,
				via: entry ? entry.domain : `uitnodiging: ${invited.map((i) => i.name).join(', ')}`
			});
			return { ok: true, outcome: approved ? 'approved' : 'already_member' };
		});
	} catch (error) {
		if (error instanceof ApplicationAlreadyDecided) return { ok: true, outcome: 'already_member' };
		throw error;
	}
}

/** `name` is the applicant's, for the page's confirmation. */
export type DecisionResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' | 'not_verified' | 'already_decided' };

async function pendingApplicant(trx: DB, userId: string) {
	return trx
		.selectFrom('users')
		.leftJoin('applications', 'applications.user_id', 'users.id')
		.select([
			'users.id',
			'users.name',
			'users.email',
			'users.status',
			'users.email_verified',
			'applications.decision'
		])
		.where('users.id', '=', userId)
		.executeTakeFirst();
}

/** An admin approves an applicant: member at once, with a welcome mail and an audit entry. */
export async function approveApplication(
	db: DB,
	input: { actorId: string; userId: string; origin: string }
): Promise<DecisionResult> {
	try {
		return await db.transaction().execute(async (trx): Promise<DecisionResult> => {
			const user = await pendingApplicant(trx, input.userId);
			if (!user) return { ok: false, reason: 'not_found' };
			if (user.status !== 'applicant' || user.decision) {
				return { ok: false, reason: 'already_decided' };
			}
			if (!user.email_verified) return { ok: false, reason: 'not_verified' };
			const approved = await approveInTransaction(trx, user, {
				actorId: input.actorId,
				action: 'application.approved',
				origin: input.origin
			});
			return approved ? { ok: true, name: user.name } : { ok: false, reason: 'already_decided' };
		});
	} catch (error) {
		if (error instanceof ApplicationAlreadyDecided) return { ok: false, reason: 'already_decided' };
		throw error;
	}
}

/**
 * An admin rejects an application, with a reason the applicant receives by mail. The account
 * stays an applicant (it cannot reach member pages) and leaves the queue; its sessions end.
 */
export async function rejectApplication(
	db: DB,
	input: { actorId: string; userId: string; reason: string }
): Promise<DecisionResult> {
	return db.transaction().execute(async (trx): Promise<DecisionResult> => {
		const user = await pendingApplicant(trx, input.userId);
		if (!user) return { ok: false, reason: 'not_found' };
		if (user.status !== 'applicant' || user.decision) {
			return { ok: false, reason: 'already_decided' };
		}
		const now = new Date().toISOString();
		const values = {
			decision: 'rejected' as const,
			decided_by: input.actorId,
			decided_at: now,
			reason: input.reason
		};
		const updated = await trx
			.updateTable('applications')
			.set(values)
			.where('user_id', '=', user.id)
			.where('decision', 'is', null)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) {
			const existing = await trx
				.selectFrom('applications')
				.select('id')
				.where('user_id', '=', user.id)
				.executeTakeFirst();
			if (existing) return { ok: false, reason: 'already_decided' };
			// An applicant whose own fields were never stored still gets a row to hold the decision.
			await trx
				.insertInto('applications')
				.values({
					id: randomUUID(),
					user_id: user.id,
					organisation_name_new: null,
					organisation_type_new: null,
					organisation_province_new: null,
					...values
				})
				.execute();
		}
		await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
		await queueMail(trx, {
			to: user.email,
			kind: 'rejection',
			...rejectionMail(user.name, input.reason)
		});
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'application.rejected',
			subjectType: 'user',
			subjectId: user.id
		});
		return { ok: true, name: user.name };
	});
}

/** Adds a domain to the allowlist (already normalised by domainSchema). */
export async function addAllowedDomain(
	db: DB,
	input: { actorId: string; domain: string; note: string }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'domain_taken' }> {
	return db.transaction().execute(async (trx) => {
		const id = randomUUID();
		const inserted = await trx
			.insertInto('domain_allowlist')
			.values({ id, domain: input.domain, note: input.note, created_by: input.actorId })
			.onConflict((oc) => oc.column('domain').doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
			return { ok: false, reason: 'domain_taken' } as const;
		}
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'allowlist.added',
			subjectType: 'domain',
			subjectId: id,
			details: { domain: input.domain }
		});
		return { ok: true, id } as const;
	});
}

/** Removes a domain from the allowlist; members already approved through it stay members. */
export async function removeAllowedDomain(
	db: DB,
	input: { actorId: string; id: string }
): Promise<{ ok: true; domain: string } | { ok: false; reason: 'not_found' }> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.deleteFrom('domain_allowlist')
			.where('id', '=', input.id)
			.returning('domain')
			.executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' } as const;
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'allowlist.removed',
			subjectType: 'domain',
			subjectId: input.id,
			details: { domain: row.domain }
		});
		return { ok: true, domain: row.domain } as const;
	});
}

/** How long a used code is remembered: longer than any code is accepted (30 s steps, ±1 step). */
const TOTP_MEMORY_MS = 3 * 60_000;

/**
 * Records that an account used a time-based code; false when it already did so while the code
 * could still be valid (a replay). The primary key makes two simultaneous uses claim it once.
 */
export async function claimTotpCode(
	db: DB,
	input: { userId: string; code: string; now?: Date }
): Promise<boolean> {
	const now = input.now ?? new Date();
	const codeHash = createHash('sha256').update(`${input.userId}:${input.code}`).digest('hex');
	await db
		.deleteFrom('totp_uses')
		.where('user_id', '=', input.userId)
		.where('used_at', '<', new Date(now.getTime() - TOTP_MEMORY_MS).toISOString())
		.execute();
	const inserted = await db
		.insertInto('totp_uses')
		.values({ user_id: input.userId, code_hash: codeHash, used_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['user_id', 'code_hash']).doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ends one session by its token (a sign-in that turned out not to be allowed after all). */
export async function endSession(db: DB, token: string): Promise<void> {
	await db.deleteFrom('sessions').where('token', '=', token).execute();
}
