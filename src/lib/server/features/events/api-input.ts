import { z } from 'zod';
import { EVENT_PROBLEM_MESSAGES } from '$lib/events/problems';
import type { DB } from '../../db';
import type { Viewer } from '../viewer';
import { type currentOrganiser, formChoices } from './choices';
import {
	type EventFields,
	type EventInput,
	type EventProblem,
	parseEvent,
	questionsText
} from './schema';

/**
 * An event as the API takes it: POST /api/v1/events with the required fields, PATCH
 * /api/v1/events/{slug} with any of them. The body is laid over the event form's fields (an
 * empty form's, or the event's own) and checked by the form's rules (parseEvent), so the API
 * and the form can never accept different events.
 *
 * Times: an instant with its offset ('2026-10-25T10:00:00+01:00', or Z), or a wall-clock time in
 * Amsterdam ('2026-10-25T10:00').
 */
const time = z.string().max(40);

const eventBodyShape = {
	title: z.string().max(200),
	summary: z.string().max(600),
	/** An event format's id (GET /api/v1/events shows them as format.id). */
	format: z.string().max(100),
	/** The programme of the day, as Markdown. */
	programmeMarkdown: z.string().max(20_000),
	/** Who organises it: the platform, or a network or programme by its slug. */
	organiser: z
		.object({
			kind: z.enum(['platform', 'network', 'programme']),
			slug: z.string().max(200).optional()
		})
		.strict(),
	visibility: z.enum(['public', 'members', 'network']),
	startsAt: time,
	endsAt: time,
	locationKind: z.enum(['on_site', 'online', 'hybrid']),
	venue: z.string().max(300),
	address: z.string().max(500),
	onlineUrl: z.string().max(1000),
	/** Null: no limit. */
	capacity: z.int().min(1).max(999_999).nullable(),
	registrationOpensAt: time.nullable(),
	registrationClosesAt: time.nullable(),
	questions: z
		.array(
			z
				.object({ label: z.string().trim().min(1).max(200), required: z.boolean().optional() })
				.strict()
		)
		.max(10),
	/** Theme ids and province codes (GET /api/v1/events shows both). */
	themes: z.array(z.string().max(100)).max(50),
	provinces: z.array(z.string().max(10)).max(20),
	/** A speaker with a member's address is linked to that member's profile. */
	speakers: z
		.array(
			z
				.object({
					name: z.string().trim().min(1).max(200),
					email: z.email().max(200).optional(),
					role: z.enum(['speaker', 'guest_expert']).optional()
				})
				.strict()
		)
		.max(30)
};

export const eventPatchSchema = z.object(eventBodyShape).partial().strict();

export const eventCreateSchema = eventPatchSchema.required({
	title: true,
	summary: true,
	format: true,
	organiser: true,
	startsAt: true,
	endsAt: true,
	locationKind: true
});

export type EventBody = z.infer<typeof eventPatchSchema>;

/** An organiser's slug as the form's value ('network:<id>'); an unknown slug stays unknown. */
async function organiserValue(db: DB, organiser: NonNullable<EventBody['organiser']>) {
	if (organiser.kind === 'platform') return 'platform';
	const slug = organiser.slug ?? '';
	const row =
		organiser.kind === 'network'
			? await db.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirst()
			: await db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirst();
	return `${organiser.kind}:${row?.id ?? 'onbekend'}`;
}

/** One line of the form's lists: no line breaks inside, no trailing * (it marks required). */
const line = (text: string) => text.replace(/\s+/g, ' ').replace(/\*+$/, '').trim();

const speakerLines = (body: EventBody, role: 'speaker' | 'guest_expert') =>
	(body.speakers ?? [])
		.filter((s) => (s.role ?? 'speaker') === role)
		.map((s) => s.email ?? line(s.name))
		.join('\n');

/** The body over `base`: what it names replaces the field, the rest stays. */
export async function fieldsFromBody(
	db: DB,
	body: EventBody,
	base: EventFields
): Promise<EventFields> {
	const or = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
	return {
		title: or(body.title, base.title),
		summary: or(body.summary, base.summary),
		formatId: or(body.format, base.formatId),
		programme: or(body.programmeMarkdown, base.programme),
		organiser: body.organiser ? await organiserValue(db, body.organiser) : base.organiser,
		visibility: or(body.visibility, base.visibility),
		startsAt: or(body.startsAt, base.startsAt),
		endsAt: or(body.endsAt, base.endsAt),
		locationKind: or(body.locationKind, base.locationKind),
		venue: or(body.venue, base.venue),
		address: or(body.address, base.address),
		onlineUrl: or(body.onlineUrl, base.onlineUrl),
		capacity:
			body.capacity === undefined
				? base.capacity
				: body.capacity === null
					? ''
					: String(body.capacity),
		registrationOpensAt: or(body.registrationOpensAt, base.registrationOpensAt) ?? '',
		registrationClosesAt: or(body.registrationClosesAt, base.registrationClosesAt) ?? '',
		questions: body.questions
			? questionsText(
					body.questions.map((q) => ({ id: '', label: line(q.label), required: !!q.required }))
				)
			: base.questions,
		speakers: body.speakers ? speakerLines(body, 'speaker') : base.speakers,
		guestExperts: body.speakers ? speakerLines(body, 'guest_expert') : base.guestExperts,
		themes: or(body.themes, base.themes),
		provinces: or(body.provinces, base.provinces)
	};
}

export type BodyResult =
	{ ok: true; value: EventInput } | { ok: false; code: string; message: string };

/**
 * The body over `base`, checked as the form checks it, for this member: only organisers they
 * may pick (an event's current organiser stays possible), known themes and provinces. A refusal
 * has the form's problem as its code and the form's Dutch text as its message.
 */
export async function parseEventBody(
	db: DB,
	viewer: Extract<Viewer, { kind: 'member' }>,
	body: EventBody,
	base: EventFields,
	current: ReturnType<typeof currentOrganiser> | null = null
): Promise<BodyResult> {
	const choices = await formChoices(db, viewer, current);
	const fields = await fieldsFromBody(db, body, base);
	const unknown =
		fields.themes.find((id) => !choices.themes.some((t) => t.id === id)) ??
		fields.provinces.find((code) => !choices.provinces.some((p) => p.code === code));
	if (unknown !== undefined) {
		return {
			ok: false,
			code: 'invalid_input',
			message: `Dit thema of deze provincie bestaat niet: “${unknown}”.`
		};
	}
	const parsed = parseEvent(fields, {
		formatIds: choices.formats.map((f) => f.id),
		networkIds: choices.networks.map((n) => n.id),
		programmeIds: choices.programmes.map((p) => p.id)
	});
	const refuse = (problem: EventProblem): BodyResult => ({
		ok: false,
		code: problem,
		message: EVENT_PROBLEM_MESSAGES[problem]({}, { locale: 'nl' })
	});
	if (!parsed.ok) return refuse(parsed.problem);
	if (parsed.value.organiserKind === 'platform' && !choices.platform) {
		return refuse('organiser_invalid');
	}
	return { ok: true, value: parsed.value };
}
