import type { UserStatus } from '../../db/tables/users';

/**
 * Who may contact whom, read like sentences. Features ask here inside their transactions with
 * what they found; routes ask with the same facts before they show a form, so a page and the
 * action it posts to refuse for the same reason.
 */

/** Only active members take part in following, contact and messages. */
export function mayTakePart(actor: { status: UserStatus } | null): boolean {
	return actor?.status === 'active';
}

/**
 * Why one member cannot write to another (a contact request or a message):
 * - self: nobody contacts or messages themselves;
 * - not_found: no such member (or not a member: applicants do not take part);
 * - unavailable: the other member left (erased: "voormalig lid") or is suspended;
 * - blocked: the other member blocked you (the API answers 403 with this code);
 * - you_blocked: you blocked them; unblock them first.
 */
export type WriteProblem = 'self' | 'not_found' | 'unavailable' | 'blocked' | 'you_blocked';

export interface Relation {
	selfId: string;
	/** The other member; null when their account is gone, undefined when there never was one. */
	other: { id: string; status: UserStatus } | null | undefined;
	theyBlockedMe: boolean;
	iBlockedThem: boolean;
}

export function writeProblem(relation: Relation): WriteProblem | null {
	const { other } = relation;
	if (other === undefined) return 'not_found';
	if (other === null) return 'unavailable';
	if (other.id === relation.selfId) return 'self';
	if (other.status === 'applicant') return 'not_found';
	if (other.status !== 'active') return 'unavailable';
	// A block answers first: whatever else, the blocked member may not write.
	if (relation.theyBlockedMe) return 'blocked';
	if (relation.iBlockedThem) return 'you_blocked';
	return null;
}

/** How long a declined request keeps its sender from asking the same member again. */
export const DECLINED_PAUSE_DAYS = 30;

/** True while a request this sender made was declined too recently to ask again. */
export function declinedTooRecently(declinedAt: string | null, now = new Date()): boolean {
	if (!declinedAt) return false;
	return now.getTime() - new Date(declinedAt).getTime() < DECLINED_PAUSE_DAYS * 86_400_000;
}
