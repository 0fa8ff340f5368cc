import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { presentOutboxMessage } from '$lib/server/features/mail/present';
import { getOutboxMessage } from '$lib/server/features/mail/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	// Placeholder until the accounts capability brings the real policy.
	if (locals.user?.role !== 'admin') error(403, m.mail_forbidden());
	const row = await getOutboxMessage(locals.db, params.id);
	if (!row) error(404, m.mail_not_found());
	return { message: presentOutboxMessage(row) };
};
