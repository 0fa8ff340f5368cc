import { eventSubject } from '$lib/server/features/events/present';
import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, readJson } from '$lib/server/api/respond';
import { registerMember } from '$lib/server/features/events/mutations';
import { can } from '$lib/server/features/events/policy';
import { eventForViewer } from '$lib/server/features/events/queries';
import { parseAnswers, registerBodySchema } from '$lib/server/features/events/schema';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const REASONS: Record<string, string> = {
	registration_closed: 'De aanmelding voor dit evenement is gesloten.',
	registration_not_open: 'De aanmelding voor dit evenement is nog niet open.',
	programme_session:
		'Deze bijeenkomst hoort bij een programma: je neemt deel door je voor het programma aan te melden.',
	not_found: 'Dit evenement bestaat niet, of je hebt er geen toegang toe.'
};

/**
 * Register for an event: 201 with a place, 202 on the waiting list (with the position), 200 when
 * already registered or waiting (a repeated request changes nothing).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const event = await eventForViewer(locals.db, params.slug, member.viewer);
	if (!event) return apiError(404, 'not_found', REASONS.not_found!);
	const subject = eventSubject(event);
	if (!can(member.viewer, 'register', subject)) {
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
		{ status: result.status, position: result.position },
		{ status: result.already ? 200 : result.status === 'registered' ? 201 : 202 }
	);
};
