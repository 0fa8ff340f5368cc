import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError } from '$lib/server/api/respond';
import { enrol, leave } from '$lib/server/features/programmes/mutations';
import { can } from '$lib/server/features/programmes/policy';
import { programmeSubject } from '$lib/server/features/programmes/present';
import { programmeForViewer } from '$lib/server/features/programmes/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'Dit programma bestaat niet, of je hebt er geen toegang toe.';

/**
 * Join the programme's group: 201 with a place (and registrations for every upcoming session),
 * 202 on the waiting list, 200 when already in it or waiting (a repeated request changes nothing).
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const programme = await programmeForViewer(locals.db, params.slug.slice(0, 200), member.viewer);
	if (!programme) return apiError(404, 'not_found', NOT_FOUND);
	if (!can(member.viewer, 'enrol', programmeSubject(programme)) && !programme.mine) {
		return apiError(409, 'enrolment_closed', 'De inschrijving voor dit programma is gesloten.');
	}
	const result = await enrol(locals.db, {
		programmeId: programme.id,
		userId: member.userId,
		origin: getConfig().origin
	});
	if (!result.ok) {
		return result.reason === 'not_found'
			? apiError(404, 'not_found', NOT_FOUND)
			: apiError(409, 'enrolment_closed', 'De inschrijving voor dit programma is gesloten.');
	}
	return json(
		{ status: result.status, position: result.position },
		{ status: result.already ? 200 : result.status === 'enrolled' ? 201 : 202 }
	);
};

/** Leave the group (or its waiting list); the first waiting gets the place. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const programme = await programmeForViewer(locals.db, params.slug.slice(0, 200), member.viewer);
	if (!programme) return apiError(404, 'not_found', NOT_FOUND);
	const result = await leave(locals.db, {
		programmeId: programme.id,
		userId: member.userId,
		origin: getConfig().origin
	});
	if (!result.ok) {
		return result.reason === 'not_found'
			? apiError(404, 'not_found', NOT_FOUND)
			: apiError(409, 'not_enrolled', 'Je staat niet ingeschreven voor dit programma.');
	}
	return json({ left: result.was });
};
