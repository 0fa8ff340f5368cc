import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { presentOutboxPage, parseMailStatus } from '$lib/server/features/mail/present';
import { listOutbox } from '$lib/server/features/mail/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Placeholder until the accounts capability brings the real policy.
	if (locals.user?.role !== 'admin') error(403, m.mail_forbidden());
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const status = parseMailStatus(url.searchParams.get('status'));
	const outbox = await listOutbox(locals.db, {
		page: Number.isFinite(requested) ? requested : 1,
		status
	});
	return { ...presentOutboxPage(outbox), status: status ?? null };
};
