import { authorize } from '$lib/server/authorize';
import { listAuditLog } from '$lib/server/features/accounts/queries';
import type { PageServerLoad } from './$types';

/** The details a page may show; the log stores JSON text, and only these keys are read. */
function detailsOf(text: string) {
	let parsed: Record<string, unknown> = {};
	try {
		parsed = JSON.parse(text) as Record<string, unknown>;
	} catch {
		// An unreadable entry still shows who did what and when.
	}
	const read = (key: string) => (typeof parsed[key] === 'string' ? (parsed[key] as string) : null);
	return {
		domain: read('domain'),
		via: read('via'),
		from: read('from'),
		to: read('to'),
		into: read('into'),
		network: read('network'),
		reported: read('subject'),
		terms: read('terms'),
		/** An event's, network's or programme's name when the entry was written. */
		name: read('name'),
		removed: parsed.removed === true
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'read_audit_log');
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const log = await listAuditLog(locals.db, { page: Number.isFinite(requested) ? requested : 1 });
	return {
		entries: log.rows.map((row) => ({
			...detailsOf(row.details),
			id: row.id,
			action: row.action,
			at: row.created_at,
			actor: row.actor_id === null ? null : (row.actor_name ?? ''),
			subjectType: row.subject_type,
			subject:
				row.subject_type === 'user'
					? row.subject_name
						? `${row.subject_name} (${row.subject_email})`
						: null
					: (detailsOf(row.details).domain ??
						detailsOf(row.details).into ??
						detailsOf(row.details).terms)
		})),
		total: log.total,
		page: log.page,
		pageCount: log.pageCount
	};
};
