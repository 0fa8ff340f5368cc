import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	/** Ends this session. */
	dit: async ({ locals, request }) => {
		if (locals.user) await locals.auth.api.signOut({ headers: request.headers });
		redirect(303, '/uitloggen?klaar=1');
	},
	/** Ends every session of this account, on every device. */
	overal: async ({ locals, request }) => {
		if (locals.user) {
			await locals.auth.api.revokeSessions({ headers: request.headers });
			await locals.auth.api.signOut({ headers: request.headers }).catch(() => undefined);
		}
		redirect(303, '/uitloggen?klaar=1');
	}
};
