import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { presentOutboxMessage } from '$lib/server/features/mail/present';
import { getOutboxMessage } from '$lib/server/features/mail/queries';
import { authorize } from '$lib/server/authorize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	authorize(locals, url, 'read_outbox');
	const row = await getOutboxMessage(locals.db, params.id);
	if (!row) error(404, m.mail_not_found());
	return { message: presentOutboxMessage(row) };
};
