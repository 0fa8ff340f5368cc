import type { DB } from '../../db';
import type { RegistrationStatus } from '../../db/tables/events';

export interface RegistrationRow {
	id: string;
	userId: string | null;
	name: string;
	email: string;
	organisation: string | null;
	status: RegistrationStatus;
	queueNumber: number | null;
	answers: Record<string, string>;
	attended: boolean;
	createdAt: string;
	promotedAt: string | null;
	isGuest: boolean;
}

const parseAnswers = (json: string): Record<string, string> => {
	try {
		const value = JSON.parse(json) as unknown;
		return value && typeof value === 'object' ? (value as Record<string, string>) : {};
	} catch {
		return {};
	}
};

/**
 * An event's registrations for its coordinators: those with a place (in order of registering),
 * then the waiting list in its order, then guests who have not confirmed yet.
 */
export async function listRegistrations(db: DB, eventId: string): Promise<RegistrationRow[]> {
	const rows = await db
		.selectFrom('event_registrations as r')
		.leftJoin('users as u', 'u.id', 'r.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select([
			'r.id',
			'r.user_id',
			'r.guest_name',
			'r.guest_email',
			'r.guest_organisation',
			'r.status',
			'r.queue_number',
			'r.answers',
			'r.attended',
			'r.created_at',
			'r.promoted_at',
			'u.name as user_name',
			'u.email as user_email',
			'o.name as organisation_name'
		])
		.where('r.event_id', '=', eventId)
		.execute();
	const rank = { registered: 0, waitlisted: 1, pending: 2 } as const;
	return rows
		.map((r) => ({
			id: r.id,
			userId: r.user_id,
			name: r.user_name ?? r.guest_name ?? '',
			email: r.user_email ?? r.guest_email ?? '',
			organisation: r.organisation_name ?? r.guest_organisation ?? null,
			status: r.status,
			queueNumber: r.queue_number === null ? null : Number(r.queue_number),
			answers: parseAnswers(r.answers),
			attended: Boolean(r.attended),
			createdAt: r.created_at,
			promotedAt: r.promoted_at,
			isGuest: r.user_id === null
		}))
		.sort(
			(a, b) =>
				rank[a.status] - rank[b.status] ||
				(a.queueNumber ?? 0) - (b.queueNumber ?? 0) ||
				(a.promotedAt ?? a.createdAt).localeCompare(b.promotedAt ?? b.createdAt) ||
				a.id.localeCompare(b.id)
		);
}
