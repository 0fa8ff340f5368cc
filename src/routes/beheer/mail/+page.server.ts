import { presentOutboxPage, parseMailStatus } from '$lib/server/features/mail/present';
import { listOutbox } from '$lib/server/features/mail/queries';
import { authorize } from '$lib/server/authorize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'read_outbox');
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const status = parseMailStatus(url.searchParams.get('status'));
	const outbox = await listOutbox(locals.db, {
		page: Number.isFinite(requested) ? requested : 1,
		status
	});
	return { ...presentOutboxPage(outbox), status: status ?? null };
};
