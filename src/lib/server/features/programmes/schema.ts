import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

/** A programme as its coordinators enter it (the form and the seed share it). */
export const programmeSchema = z.object({
	title: text(160).min(3),
	region: text(120).min(2),
	summary: text(500).min(10),
	challenge: text(20_000).default(''),
	networkId: z
		.string()
		.trim()
		.max(100)
		.transform((v) => v || null)
		.nullable()
		.default(null),
	visibility: z.enum(['public', 'members']),
	cohortSize: z.coerce.number().int().min(1).max(500),
	enrolmentOpen: z.boolean().default(true),
	provinceCodes: z.array(z.string().trim().max(10)).max(12).default([]),
	themeIds: z.array(z.string().trim().max(100)).max(30).default([])
});

export type ProgrammeInput = z.output<typeof programmeSchema>;

/** The programme form's fields as posted (text cut to size, lists as arrays). */
export function programmeFields(form: FormData) {
	const get = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	const all = (name: string) =>
		form
			.getAll(name)
			.map((v) => String(v).slice(0, 100))
			.slice(0, 50);
	return {
		title: get('title', 400),
		region: get('region', 400),
		summary: get('summary', 2000),
		challenge: get('challenge', 40_000),
		networkId: get('networkId', 100),
		visibility: get('visibility', 20),
		cohortSize: get('cohortSize', 10),
		enrolmentOpen: form.get('enrolmentOpen') === 'on',
		provinceCodes: all('provinces'),
		themeIds: all('themes')
	};
}

export type ProgrammeFields = ReturnType<typeof programmeFields>;

/** A member by e-mail address (adding a participant or a coordinator). */
export const memberEmailSchema = z.object({ email: z.email().trim().toLowerCase().max(300) });

/** A participant or coordinator by their user id. */
export const userActionSchema = z.object({ userId: z.string().trim().min(1).max(100) });

export const cohortSizeSchema = z.object({
	cohortSize: z.coerce.number().int().min(1).max(500)
});

const cohortOut = z.object({
	size: z.number().int(),
	enrolled: z.number().int(),
	waitlisted: z.number().int(),
	full: z.boolean()
});

/** A programme as the API returns it in lists. */
export const programmeOutSchema = z.object({
	slug: z.string(),
	title: z.string(),
	region: z.string(),
	summary: z.string(),
	visibility: z.enum(['public', 'members']),
	network: z.object({ slug: z.string(), name: z.string() }).nullable(),
	provinces: z.array(z.object({ code: z.string(), name: z.string() })),
	sessions: z.number().int(),
	upcomingSessions: z.number().int(),
	period: z.string().nullable(),
	phase: z.enum(['planned', 'running', 'finished']),
	cohort: cohortOut,
	enrolmentOpen: z.boolean()
});

/** One programme: its challenge, coordinators, sessions and the caller's place in the cohort. */
export const programmeDetailOutSchema = programmeOutSchema
	.omit({ sessions: true, upcomingSessions: true, period: true, phase: true })
	.extend({
		challengeHtml: z.string(),
		themes: z.array(z.object({ id: z.string(), name: z.string() })),
		coordinators: z.array(z.object({ id: z.string(), name: z.string() })),
		sessions: z.array(
			z.object({
				slug: z.string(),
				title: z.string(),
				format: z.object({ id: z.string(), name: z.string() }),
				startsAt: z.string(),
				endsAt: z.string(),
				past: z.boolean()
			})
		),
		mine: z
			.object({ status: z.enum(['enrolled', 'waitlisted']), position: z.number().int().nullable() })
			.nullable()
	});

export const enrolmentOutSchema = z.object({
	status: z.enum(['enrolled', 'waitlisted']),
	position: z.number().int().nullable()
});
