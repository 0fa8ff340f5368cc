import { z } from 'zod';
import { fieldProblems } from '../accounts/schema';

const text = (max: number) => z.string().trim().max(max);

/** Asking to join an on-request network: an optional note for the coordinators. */
export const joinSchema = z.object({ message: text(1000).default('') });

/** A member of the network, by id (coordinator actions). */
export const memberActionSchema = z.object({ userId: z.string().trim().min(1).max(100) });

export const roleSchema = memberActionSchema.extend({ role: z.enum(['member', 'coordinator']) });

export const MAX_INVITES = 50;

/**
 * Inviting by e-mail: addresses separated by commas, semicolons, spaces or new lines, at most
 * 50 at once, each a valid address (lower-cased, duplicates removed); an optional message.
 */
export const inviteSchema = z.object({
	emails: z
		.string()
		.max(20_000)
		.transform((v) =>
			[
				...new Set(
					v
						.split(/[\s,;]+/)
						.map((e) => e.trim().toLowerCase())
						.filter(Boolean)
				)
			].slice(0, MAX_INVITES + 1)
		)
		.pipe(z.array(z.email()).min(1).max(MAX_INVITES)),
	message: text(2000).default('')
});

export const invitationActionSchema = z.object({ invitationId: z.string().trim().min(1).max(100) });

/** A network's settings (creating one, or a coordinator changing it). */
export const networkSettingsSchema = z
	.object({
		name: text(120).min(3),
		kind: z.enum(['thematic', 'regional', 'programme_group']),
		summary: text(300).min(10),
		description: text(5000).default(''),
		audience: text(300).default(''),
		visibility: z.enum(['public', 'members', 'private']),
		joinPolicy: z.enum(['open', 'request', 'invitation'])
	})
	.refine((v) => v.visibility !== 'private' || v.joinPolicy === 'invitation', {
		path: ['joinPolicy'],
		message: 'private_needs_invitation'
	});

export type NetworkSettingsInput = z.infer<typeof networkSettingsSchema>;

/** The settings form's fields as posted (cut to size), to validate and to show again. */
export function settingsFields(form: FormData): Record<string, string> {
	const get = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		name: get('name', 200),
		kind: get('kind', 30),
		summary: get('summary', 500),
		description: get('description', 6000),
		audience: get('audience', 500),
		visibility: get('visibility', 30),
		joinPolicy: get('joinPolicy', 30)
	};
}

/** One problem code per settings form: the first field that is wrong, in the form's order. */
export function settingsProblem(error: z.ZodError): string {
	const first = error.issues[0];
	if (first?.message === 'private_needs_invitation') return 'private_needs_invitation';
	const problems = fieldProblems(error);
	const field = String(first?.path[0] ?? 'name');
	return `${field}_${problems[field] ?? 'invalid'}`;
}

/** A network as the API shows it. */
export const networkOutSchema = z.object({
	slug: z.string(),
	name: z.string(),
	kind: z.enum(['thematic', 'regional', 'programme_group']),
	summary: z.string(),
	audience: z.string(),
	visibility: z.enum(['public', 'members', 'private']),
	joinPolicy: z.enum(['open', 'request', 'invitation']),
	provinces: z.array(z.object({ code: z.string(), name: z.string() })),
	themes: z.array(z.object({ id: z.string(), name: z.string() }))
});

export const membershipOutSchema = z
	.object({ role: z.enum(['member', 'coordinator']), status: z.enum(['active', 'requested']) })
	.nullable();

export const networkDetailOutSchema = networkOutSchema.extend({
	description: z.string(),
	memberCount: z.number().int(),
	membership: membershipOutSchema,
	coordinators: z.array(z.object({ id: z.string(), name: z.string() }))
});

/** POST /api/v1/networks: the settings form's fields, as JSON. */
export const createNetworkBodySchema = networkSettingsSchema;

/** POST /api/v1/networks/{slug}/membership */
export const membershipBodySchema = z.object({ message: text(1000).default('') });
