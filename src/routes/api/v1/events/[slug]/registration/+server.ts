import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, readJson } from '$lib/server/api/respond';
import { cancelMember, registerMember } from '$lib/server/features/events/mutations';
import { can } from '$lib/server/features/events/policy';
import { eventSubject } from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { parseAnswers, registerBodySchema } from '$lib/server/features/events/schema';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/** The signed-in member's registration for one event: POST registers, DELETE cancels. */

const NOT_FOUND = 'Dit evenement bestaat niet, of je hebt er geen toegang toe.';

const REASONS: Record<string, string> = {
	registration_closed: 'De aanmelding voor dit evenement is gesloten.',
	registration_not_open: 'De aanmelding voor dit evenement is nog niet open.',
	programme_session:
		'Deze bijeenkomst hoort bij een programma: je neemt deel door je voor het programma aan te melden.',
	not_found: NOT_FOUND
};

const CANCEL_REASONS: Record<string, string> = {
	not_registered: 'Je bent niet (meer) aangemeld voor dit evenement.',
	event_over: 'Dit evenement is al voorbij; afmelden kan niet meer.',
	stale_link: 'Deze aanmelding bestaat niet (meer).',
	programme_session:
		'Je plaats hoort bij het programma van deze bijeenkomst: meld je af voor het programma, of laat het de coördinator weten.'
};

/**
 * Register: 201 `{"status": "registered"}` with a place, 202 `{"status": "waitlisted",
 * "position": n}` on the waiting list, 200 with the existing registration when already
 * registered or waiting (a repeated request changes nothing).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const event = await eventForViewer(locals.db, params.slug, member.viewer);
	if (!event) return apiError(404, 'not_found', NOT_FOUND);
	if (!can(member.viewer, 'register', eventSubject(event))) {
		return apiError(403, 'forbidden', 'Je kunt je niet aanmelden voor dit evenement.');
	}
	const input = await readJson(request, registerBodySchema);
	if (!input.ok) return input.response;
	const answers = parseAnswers(event.questions, (id) => input.data.answers[id]);
	if (!answers.ok) {
		return apiError(400, 'answers_missing', `Beantwoord eerst de vraag “${answers.missing}”.`);
	}
	const result = await registerMember(locals.db, {
		eventId: event.id,
		userId: member.userId,
		answers: answers.answers,
		origin: getConfig().origin
	});
	if (!result.ok) {
		const status = result.reason === 'not_found' ? 404 : 409;
		return apiError(status, result.reason, REASONS[result.reason] ?? 'Aanmelden lukt niet.');
	}
	return json(
		result.status === 'waitlisted'
			? { status: result.status, position: result.position }
			: { status: result.status },
		{ status: result.already ? 200 : result.status === 'registered' ? 201 : 202 }
	);
};

/** Cancel my registration (or leave the waiting list); the first waiting gets the place. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const event = await eventForViewer(locals.db, params.slug, member.viewer);
	if (!event) return apiError(404, 'not_found', NOT_FOUND);
	const result = await cancelMember(locals.db, {
		eventId: event.id,
		userId: member.userId,
		origin: getConfig().origin
	});
	if (!result.ok) {
		return apiError(409, result.reason, CANCEL_REASONS[result.reason] ?? 'Afmelden lukt niet.');
	}
	return json({ cancelled: result.was });
};
