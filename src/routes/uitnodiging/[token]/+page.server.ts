import { fail, redirect } from '@sveltejs/kit';
import { acceptInvitation, tokenHash } from '$lib/server/features/networks/mutations';
import { invitationByToken } from '$lib/server/features/networks/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { Actions, PageServerLoad } from './$types';

/** The token is the secret: the page shows the network, never the invited address. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await invitationByToken(locals.db, tokenHash(params.token));
	const state = !invitation
		? 'invalid'
		: invitation.accepted_at
			? 'used'
			: new Date(invitation.expires_at).getTime() <= Date.now()
				? 'expired'
				: 'open';
	return {
		state,
		network:
			invitation && state === 'open'
				? {
						name: invitation.name,
						summary: invitation.summary,
						invitedBy: invitation.invited_by_name
					}
				: null,
		who: !locals.user ? 'visitor' : locals.user.status === 'active' ? 'member' : 'applicant'
	} as const;
};

export const actions: Actions = {
	default: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		const viewer = viewerFrom(locals.user);
		if (viewer.kind !== 'member') return fail(403, { problem: 'not_member' });
		const result = await acceptInvitation(locals.db, {
			token: params.token,
			userId: viewer.userId
		});
		if (!result.ok)
			return fail(result.reason === 'expired' ? 410 : 404, { problem: result.reason });
		redirect(303, `/netwerken/${result.slug}?welkom=1`);
	}
};
