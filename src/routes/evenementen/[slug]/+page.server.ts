import { error, fail, redirect } from '@sveltejs/kit';
import { cancelMember, registerGuest, registerMember } from '$lib/server/features/events/mutations';
import { can, type EventSubject } from '$lib/server/features/events/policy';
import {
	calendarLinks,
	eventSubject,
	presentEventDetail
} from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { guestSchema, parseAnswers } from '$lib/server/features/events/schema';
import { can as canFollowup } from '$lib/server/features/followup/policy';
import { saveEvaluation } from '$lib/server/features/followup/mutations';
import { materialsFor, myEvaluation, reportsForEvent } from '$lib/server/features/followup/queries';
import { evaluationSchema } from '$lib/server/features/followup/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import { followupSubject } from '../followup';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Dit evenement bestaat niet, of je hebt er geen toegang toe.';

async function found(locals: App.Locals, slug: string) {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, slug, viewer);
	if (!event) error(404, NOT_FOUND);
	const subject: EventSubject = eventSubject(event);
	if (!can(viewer, 'see', subject)) error(404, NOT_FOUND);
	return { viewer, event, subject };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, event, subject } = await found(locals, params.slug);
	const manage = can(viewer, 'manage', subject);
	const detail = presentEventDetail(event, {
		locale: locals.locale === 'en' ? 'en' : 'nl',
		showLink: event.mine?.status === 'registered' || manage
	});
	const url = new URL(`/evenementen/${event.slug}`, getConfig().origin).toString();
	// After the session: its reports, as far as the viewer may see them.
	const followup = await followupSubject(locals.db, viewer, event);
	const evaluate = canFollowup(viewer, 'evaluate', followup);
	const [reports, materials, evaluation] = await Promise.all([
		followup.past ? reportsForEvent(locals.db, event.id, viewer) : [],
		materialsFor(locals.db, { eventId: event.id, viewer, manage: followup.manage }),
		evaluate ? myEvaluation(locals.db, event.id, viewer) : undefined
	]);
	const seeMaterials = canFollowup(viewer, 'see_materials', followup);
	return {
		evaluation: evaluate
			? {
					given: evaluation !== undefined,
					score: evaluation ? Number(evaluation.score) : null,
					valuable: evaluation?.answer_valuable ?? '',
					better: evaluation?.answer_better ?? ''
				}
			: null,
		materials: {
			files: materials,
			recordingUrl: seeMaterials ? followup.recordingUrl : '',
			forParticipants: followup.materialsVisibility === 'participants'
		},
		reports: reports.map(({ slug, title, summary }) => ({ slug, title, summary })),
		event: detail,
		calendar: calendarLinks({ ...detail, url }),
		icsHref:
			event.mine?.status === 'registered'
				? `/evenementen/${event.slug}/agenda.ics?sleutel=${event.mine.token}`
				: `/evenementen/${event.slug}/agenda.ics`,
		may: {
			register: can(viewer, 'register', subject),
			registerAsGuest: can(viewer, 'register_as_guest', subject),
			manage
		},
		signedIn: viewer.kind === 'member'
	};
};

const answersFrom = (
	form: FormData,
	questions: { id: string; label: string; required: boolean }[]
) => parseAnswers(questions, (id) => form.get(`vraag-${id}`));

export const actions: Actions = {
	aanmelden: async ({ locals, params, request, url }) => {
		const { viewer, event, subject } = await found(locals, params.slug);
		if (viewer.kind !== 'member') {
			if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
			error(403, 'Alleen leden van het kennisnetwerk kunnen zich zo aanmelden.');
		}
		if (!can(viewer, 'register', subject)) return fail(403, { problem: 'not_allowed' });
		const form = await request.formData();
		const answers = answersFrom(form, event.questions);
		if (!answers.ok) return fail(400, { problem: 'answers_missing', missing: answers.missing });
		const result = await registerMember(locals.db, {
			eventId: event.id,
			userId: viewer.userId,
			answers: answers.answers,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: result.already ? 'already' : result.status, position: result.position };
	},
	afmelden: async ({ locals, params, url }) => {
		const { viewer, event } = await found(locals, params.slug);
		if (viewer.kind !== 'member') {
			if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
			error(403, 'Alleen leden van het kennisnetwerk kunnen zich zo afmelden.');
		}
		const result = await cancelMember(locals.db, {
			eventId: event.id,
			userId: viewer.userId,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: 'cancelled' };
	},
	gast: async ({ locals, params, request }) => {
		const { viewer, event, subject } = await found(locals, params.slug);
		if (viewer.kind === 'member') return fail(409, { problem: 'use_member_registration' });
		if (!can(viewer, 'register_as_guest', subject)) {
			return fail(403, { problem: 'guest_not_allowed' });
		}
		const form = await request.formData();
		const fields = {
			name: String(form.get('name') ?? '').slice(0, 200),
			email: String(form.get('email') ?? '').slice(0, 300),
			organisation: String(form.get('organisation') ?? '').slice(0, 300)
		};
		const parsed = guestSchema.safeParse(fields);
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
			return fail(400, { problem: `guest_${field}_invalid`, guest: fields });
		}
		const answers = answersFrom(form, event.questions);
		if (!answers.ok) {
			return fail(400, { problem: 'answers_missing', missing: answers.missing, guest: fields });
		}
		const result = await registerGuest(locals.db, {
			eventId: event.id,
			...parsed.data,
			answers: answers.answers,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { problem: result.reason, guest: fields });
		return { done: 'guest_pending', email: parsed.data.email };
	},
	evaluatie: async ({ locals, params, request, url }) => {
		const { viewer, event } = await found(locals, params.slug);
		if (viewer.kind !== 'member') {
			redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		}
		const followup = await followupSubject(locals.db, viewer, event);
		if (!canFollowup(viewer, 'evaluate', followup)) {
			return fail(403, { evaluationProblem: 'not_participant' });
		}
		const form = await request.formData();
		const fields = {
			score: String(form.get('score') ?? '').slice(0, 10),
			valuable: String(form.get('valuable') ?? '').slice(0, 4000),
			better: String(form.get('better') ?? '').slice(0, 4000)
		};
		const parsed = evaluationSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { evaluationProblem: 'evaluation_invalid', evaluationFields: fields });
		}
		const result = await saveEvaluation(locals.db, {
			eventId: event.id,
			userId: viewer.userId,
			evaluation: parsed.data
		});
		return { evaluationDone: result.changed ? 'changed' : 'saved' };
	}
};
