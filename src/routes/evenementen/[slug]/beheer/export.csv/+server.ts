import { toCsv } from '$lib/server/csv';
import { listRegistrations } from '$lib/server/features/events/queries';
import { managedEvent } from '../../../manage';
import type { RequestHandler } from './$types';

const STATUS: Record<string, string> = {
	registered: 'aangemeld',
	waitlisted: 'wachtlijst',
	pending: 'niet bevestigd'
};

/** The registrations as CSV, with the answers to the questions, for the event's organisers. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { event } = await managedEvent(locals, params.slug, url);
	const rows = await listRegistrations(locals.db, event.id);
	let waiting = 0;
	const csv = toCsv(
		[
			'Naam',
			'E-mailadres',
			'Organisatie',
			'Status',
			'Plaats op wachtlijst',
			'Gast',
			'Aangemeld op',
			'Aanwezig',
			...event.questions.map((q) => q.label)
		],
		rows.map((r) => [
			r.name,
			r.email,
			r.organisation ?? '',
			STATUS[r.status] ?? r.status,
			r.status === 'waitlisted' ? String(++waiting) : '',
			r.isGuest ? 'ja' : 'nee',
			r.createdAt.slice(0, 10),
			r.attended ? 'ja' : 'nee',
			...event.questions.map((q) => r.answers[q.id] ?? '')
		])
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="aanmeldingen-${event.slug}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
