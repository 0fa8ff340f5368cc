import { authorize } from '$lib/server/authorize';
import { listAuditLog } from '$lib/server/features/accounts/queries';
import type { PageServerLoad } from './$types';

/** The details a page may show; the log stores JSON text, and only these keys are read. */
function detailsOf(text: string): { domain: string | null; via: string | null } {
	try {
		const parsed = JSON.parse(text) as Record<string, unknown>;
		return {
			domain: typeof parsed.domain === 'string' ? parsed.domain : null,
			via: typeof parsed.via === 'string' ? parsed.via : null
		};
	} catch {
		return { domain: null, via: null };
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'read_audit_log');
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const log = await listAuditLog(locals.db, { page: Number.isFinite(requested) ? requested : 1 });
	return {
		entries: log.rows.map((row) => ({
			id: row.id,
			action: row.action,
			at: row.created_at,
			actor: row.actor_id === null ? null : (row.actor_name ?? ''),
			subject:
				row.subject_type === 'user'
					? row.subject_name
						? `${row.subject_name} (${row.subject_email})`
						: null
					: detailsOf(row.details).domain,
			via: detailsOf(row.details).via
		})),
		total: log.total,
		page: log.page,
		pageCount: log.pageCount
	};
};
