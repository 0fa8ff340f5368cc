import { z } from 'zod';
import { slugify } from '../../platform/slug';
import { amsterdamToUtc } from './time';

/** A question for registrants ("Wat wil je leren?"). */
export interface EventQuestion {
	id: string;
	label: string;
	required: boolean;
}

export interface SpeakerInput {
	name: string;
	/** A member's e-mail address: the speaker is linked to that member's profile. */
	email: string | null;
	role: 'speaker' | 'guest_expert';
}

/** An event as a coordinator enters it, validated; times as UTC instants. */
export interface EventInput {
	title: string;
	summary: string;
	formatId: string;
	programme: string;
	organiserKind: 'platform' | 'network' | 'programme';
	networkId: string | null;
	/** The programme this event is a session of: its cohort are the participants. */
	programmeId?: string | null;
	visibility: 'public' | 'members' | 'network';
	startsAt: string;
	endsAt: string;
	locationKind: 'on_site' | 'online' | 'hybrid';
	venue: string;
	address: string;
	onlineUrl: string;
	capacity: number | null;
	registrationOpensAt: string | null;
	registrationClosesAt: string | null;
	questions: EventQuestion[];
	themeIds: string[];
	provinceCodes: string[];
	speakers: SpeakerInput[];
}

/** The event form as posted (text fields cut to size; lists as arrays). */
export interface EventFields {
	title: string;
	summary: string;
	formatId: string;
	programme: string;
	organiser: string;
	visibility: string;
	startsAt: string;
	endsAt: string;
	locationKind: string;
	venue: string;
	address: string;
	onlineUrl: string;
	capacity: string;
	registrationOpensAt: string;
	registrationClosesAt: string;
	questions: string;
	speakers: string;
	guestExperts: string;
	themes: string[];
	provinces: string[];
}

export function eventFields(form: FormData): EventFields {
	const get = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	const all = (name: string) =>
		form
			.getAll(name)
			.map((v) => String(v).slice(0, 100))
			.slice(0, 50);
	return {
		title: get('title', 200),
		summary: get('summary', 600),
		formatId: get('formatId', 100),
		programme: get('programme', 20_000),
		organiser: get('organiser', 100),
		visibility: get('visibility', 30),
		startsAt: get('startsAt', 30),
		endsAt: get('endsAt', 30),
		locationKind: get('locationKind', 30),
		venue: get('venue', 300),
		address: get('address', 500),
		onlineUrl: get('onlineUrl', 1000),
		capacity: get('capacity', 10),
		registrationOpensAt: get('registrationOpensAt', 30),
		registrationClosesAt: get('registrationClosesAt', 30),
		questions: get('questions', 3000),
		speakers: get('speakers', 3000),
		guestExperts: get('guestExperts', 3000),
		themes: all('themes'),
		provinces: all('provinces')
	};
}

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

const emailShape = z.email();

function speakers(text: string, role: SpeakerInput['role']): SpeakerInput[] {
	return lines(text)
		.slice(0, 30)
		.map((line) => {
			const ok = emailShape.safeParse(line.toLowerCase()).success;
			return { name: line.slice(0, 200), email: ok ? line.toLowerCase() : null, role };
		});
}

/** "Wat wil je leren?*" is a required question; one question a line. */
export function parseQuestions(text: string): EventQuestion[] {
	const seen = new Set<string>();
	const out: EventQuestion[] = [];
	for (const line of lines(text).slice(0, 10)) {
		const required = line.endsWith('*');
		const label = (required ? line.slice(0, -1) : line).trim().slice(0, 200);
		let id = slugify(label) || `vraag-${out.length + 1}`;
		while (seen.has(id)) id = `${id}-${out.length + 1}`;
		seen.add(id);
		if (label) out.push({ id, label, required });
	}
	return out;
}

export function questionsText(questions: EventQuestion[]): string {
	return questions.map((q) => `${q.label}${q.required ? '*' : ''}`).join('\n');
}

/** What can be wrong with an event's fields: the form's messages and the API's error codes. */
export const EVENT_PROBLEMS = [
	'title_required',
	'summary_required',
	'format_invalid',
	'organiser_invalid',
	'visibility_invalid',
	'network_visibility_needs_network',
	'starts_invalid',
	'ends_invalid',
	'ends_before_start',
	'location_invalid',
	'address_required',
	'online_url_invalid',
	'capacity_invalid',
	'registration_opens_invalid',
	'registration_closes_invalid',
	'registration_window_invalid'
] as const;

export type EventProblem = (typeof EVENT_PROBLEMS)[number];

const optionalTime = (v: string) => (v.trim() ? amsterdamToUtc(v) : null);

/**
 * The event form checked field by field, in the form's order: the first problem, or the input.
 * `networkIds` are the networks this person may organise for.
 */
export function parseEvent(
	f: EventFields,
	context: { formatIds: string[]; networkIds: string[]; programmeIds?: string[] }
): { ok: true; value: EventInput } | { ok: false; problem: EventProblem } {
	const fail = (problem: EventProblem) => ({ ok: false as const, problem });
	const title = f.title.trim();
	const summary = f.summary.trim();
	if (title.length < 3 || title.length > 160) return fail('title_required');
	if (summary.length < 10 || summary.length > 500) return fail('summary_required');
	if (!context.formatIds.includes(f.formatId)) return fail('format_invalid');
	let organiserKind: EventInput['organiserKind'] = 'platform';
	let networkId: string | null = null;
	let programmeId: string | null = null;
	if (f.organiser.startsWith('network:')) {
		networkId = f.organiser.slice('network:'.length);
		if (!context.networkIds.includes(networkId)) return fail('organiser_invalid');
		organiserKind = 'network';
	} else if (f.organiser.startsWith('programme:')) {
		programmeId = f.organiser.slice('programme:'.length);
		if (!(context.programmeIds ?? []).includes(programmeId)) return fail('organiser_invalid');
		organiserKind = 'programme';
	} else if (f.organiser !== 'platform') return fail('organiser_invalid');
	if (!['public', 'members', 'network'].includes(f.visibility)) return fail('visibility_invalid');
	const visibility = f.visibility as EventInput['visibility'];
	if (visibility === 'network' && !networkId) return fail('network_visibility_needs_network');
	const startsAt = amsterdamToUtc(f.startsAt);
	if (!startsAt) return fail('starts_invalid');
	const endsAt = amsterdamToUtc(f.endsAt);
	if (!endsAt) return fail('ends_invalid');
	if (endsAt <= startsAt) return fail('ends_before_start');
	if (!['on_site', 'online', 'hybrid'].includes(f.locationKind)) return fail('location_invalid');
	const locationKind = f.locationKind as EventInput['locationKind'];
	const address = f.address.trim();
	if (locationKind !== 'online' && !address) return fail('address_required');
	const onlineUrl = f.onlineUrl.trim();
	if (locationKind !== 'on_site') {
		const url = URL.canParse(onlineUrl) ? new URL(onlineUrl) : null;
		if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
			return fail('online_url_invalid');
		}
	}
	let capacity: number | null = null;
	if (f.capacity.trim()) {
		if (!/^\d{1,6}$/.test(f.capacity.trim())) return fail('capacity_invalid');
		capacity = Number(f.capacity.trim());
		if (capacity < 1) return fail('capacity_invalid');
	}
	const registrationOpensAt = optionalTime(f.registrationOpensAt);
	if (f.registrationOpensAt.trim() && !registrationOpensAt)
		return fail('registration_opens_invalid');
	const registrationClosesAt = optionalTime(f.registrationClosesAt);
	if (f.registrationClosesAt.trim() && !registrationClosesAt) {
		return fail('registration_closes_invalid');
	}
	if (registrationClosesAt && registrationClosesAt > endsAt) {
		return fail('registration_closes_invalid');
	}
	if (registrationOpensAt && registrationClosesAt && registrationOpensAt >= registrationClosesAt) {
		return fail('registration_window_invalid');
	}
	return {
		ok: true,
		value: {
			title,
			summary,
			formatId: f.formatId,
			programme: f.programme.trim(),
			organiserKind,
			networkId,
			programmeId,
			visibility,
			startsAt,
			endsAt,
			locationKind,
			venue: locationKind === 'online' ? '' : f.venue.trim(),
			address: locationKind === 'online' ? '' : address,
			onlineUrl: locationKind === 'on_site' ? '' : onlineUrl,
			capacity,
			registrationOpensAt,
			registrationClosesAt,
			questions: parseQuestions(f.questions),
			themeIds: [...new Set(f.themes)],
			provinceCodes: [...new Set(f.provinces)],
			speakers: [...speakers(f.speakers, 'speaker'), ...speakers(f.guestExperts, 'guest_expert')]
		}
	};
}

/** The answers to an event's questions from a form or JSON body; the first missing required one. */
export function parseAnswers(
	questions: EventQuestion[],
	get: (id: string) => unknown
): { ok: true; answers: Record<string, string> } | { ok: false; missing: string } {
	const answers: Record<string, string> = {};
	for (const q of questions) {
		const value = String(get(q.id) ?? '')
			.trim()
			.slice(0, 1000);
		if (q.required && !value) return { ok: false, missing: q.label };
		if (value) answers[q.id] = value;
	}
	return { ok: true, answers };
}

/** A guest's registration for a public event. */
export const guestSchema = z.object({
	name: z.string().trim().min(2).max(120),
	email: z.string().trim().toLowerCase().max(200).pipe(z.email()),
	organisation: z.string().trim().max(200).default('')
});

/** Capacity as a coordinator changes it: blank for no limit. */
export const capacitySchema = z
	.string()
	.trim()
	.max(7)
	.transform((v, ctx) => {
		if (!v) return null;
		if (!/^\d+$/.test(v) || Number(v) < 1) {
			ctx.addIssue({ code: 'custom', message: 'capacity_invalid' });
			return z.NEVER;
		}
		return Number(v);
	});

export const messageSchema = z.object({
	subject: z.string().trim().min(3).max(150),
	message: z.string().trim().min(10).max(5000)
});

/** An event as the API shows it. */
export const eventOutSchema = z.object({
	slug: z.string(),
	title: z.string(),
	summary: z.string(),
	format: z.object({ id: z.string(), name: z.string() }),
	startsAt: z.string(),
	endsAt: z.string(),
	timeZone: z.literal('Europe/Amsterdam'),
	locationKind: z.enum(['on_site', 'online', 'hybrid']),
	venue: z.string(),
	address: z.string(),
	visibility: z.enum(['public', 'members', 'network']),
	organiser: z.object({
		kind: z.enum(['platform', 'network', 'programme']),
		name: z.string(),
		slug: z.string().nullable(),
		/** The organiser's page on this site (a network or a programme), if it has one. */
		href: z.string().nullable()
	}),
	/** The regional programme this event is a session of. */
	programme: z.object({ slug: z.string(), title: z.string() }).nullable(),
	capacity: z.number().int().nullable(),
	registered: z.number().int(),
	waitlisted: z.number().int(),
	registrationOpen: z.boolean(),
	themes: z.array(z.object({ id: z.string(), name: z.string() })),
	provinces: z.array(z.object({ code: z.string(), name: z.string() })),
	url: z.string()
});

export const eventDetailOutSchema = eventOutSchema.extend({
	programmeHtml: z.string(),
	speakers: z.array(
		z.object({
			name: z.string(),
			role: z.enum(['speaker', 'guest_expert']),
			memberId: z.string().nullable()
		})
	),
	questions: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
	myRegistration: z
		.object({
			status: z.enum(['registered', 'waitlisted', 'pending']),
			position: z.number().int().nullable()
		})
		.nullable(),
	onlineUrl: z.string().nullable()
});

/** The caller's registration after POST /api/v1/events/{slug}/registration. */
export const registrationStatusSchema = z.object({
	status: z.enum(['registered', 'waitlisted', 'pending']),
	/** On the waiting list: 1 is the next to get a place. */
	position: z.int().optional()
});

/** A registration as an event's organisers see it in the API. */
export const registrationOutSchema = z.object({
	id: z.string(),
	/** Null for a guest (registered without an account). */
	memberId: z.string().nullable(),
	name: z.string(),
	email: z.string(),
	organisation: z.string().nullable(),
	guest: z.boolean(),
	status: z.enum(['registered', 'waitlisted', 'pending']),
	/** On the waiting list: 1 is the next to get a place; null otherwise. */
	position: z.int().nullable(),
	answers: z.record(z.string(), z.string()),
	attended: z.boolean(),
	registeredAt: z.string()
});

export const registerBodySchema = z.object({
	answers: z.record(z.string(), z.string()).default({})
});
