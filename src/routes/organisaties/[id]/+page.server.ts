import { error } from '@sveltejs/kit';
import { can } from '$lib/server/features/accounts/policy';
import { organisationDetail } from '$lib/server/features/organisations/queries';
import { isFollowing } from '$lib/server/features/contact/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

/** Public: the organisation and its networks; its members only to members of the network. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const organisation = await organisationDetail(locals.db, params.id, {
		viewer,
		withMembers: can(locals.user, 'see_member_pages')
	});
	if (!organisation) error(404, 'Deze organisatie staat niet (meer) in het kennisnetwerk.');
	const following =
		viewer.kind === 'member'
			? await isFollowing(locals.db, viewer.userId, 'organisation', organisation.id)
			: false;
	return {
		following,
		organisation: {
			id: organisation.id,
			name: organisation.name,
			type: organisation.type_name,
			province: organisation.province_name,
			group: organisation.municipality_class,
			website: organisation.website,
			partner: Boolean(organisation.is_partner),
			memberCount: organisation.memberCount,
			members: organisation.members.map((m) => ({ id: m.id, name: m.name, jobTitle: m.job_title })),
			networks: organisation.networks
		},
		signedIn: viewer.kind === 'member'
	};
};
