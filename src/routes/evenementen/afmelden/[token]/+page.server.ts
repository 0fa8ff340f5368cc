import { fail } from '@sveltejs/kit';
import { cancelByToken } from '$lib/server/features/events/mutations';
import { registrationByToken } from '$lib/server/features/events/queries';
import { formatRange } from '$lib/server/features/events/time';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

/**
 * Cancelling by the link in an e-mail, for members and guests alike. Opening the link changes
 * nothing (mail scanners open links too): the button does.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const row = await registrationByToken(locals.db, params.token.slice(0, 100));
	return {
		registration: row
			? {
					status: row.status,
					title: row.title,
					slug: row.slug,
					when: formatRange(row.starts_at, row.ends_at, locals.locale === 'en' ? 'en' : 'nl')
				}
			: null
	};
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const result = await cancelByToken(locals.db, {
			token: params.token.slice(0, 100),
			origin: getConfig().origin
		});
		if (!result.ok)
			return fail(result.reason === 'stale_link' ? 404 : 409, { problem: result.reason });
		return { done: true, title: result.title, slug: result.slug };
	}
};
