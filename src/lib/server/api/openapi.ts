import { z } from 'zod';
import { createTokenSchema, createdTokenSchema, tokenSchema } from '../features/api-tokens/schema';
import {
	createNetworkBodySchema,
	membershipBodySchema,
	networkDetailOutSchema,
	networkOutSchema
} from '../features/networks/schema';
import {
	apiConversationSchema,
	apiMessageSchema,
	apiSentMessageSchema
} from '../features/contact/schema';
import { SORTS } from '../features/people/schema';
import {
	replyInputSchema,
	replySchema,
	threadInputSchema,
	threadSchema,
	threadSummarySchema
} from '../features/discussions/schema';
import {
	apiCreateSchema,
	apiListSchema,
	apiUpdateSchema,
	knowledgeListOutSchema,
	knowledgeOutSchema
} from '../features/knowledge/schema';
import { searchKindSchema } from '../features/search/schema';

import { eventCreateSchema, eventPatchSchema } from '../features/events/api-input';
import {
	EVENT_PROBLEMS,
	eventDetailOutSchema,
	eventOutSchema,
	registerBodySchema,
	registrationOutSchema,
	registrationStatusSchema
} from '../features/events/schema';

const EVENT_PROBLEM_CODES = EVENT_PROBLEMS.join(', ');
import {
	enrolmentOutSchema,
	programmeDetailOutSchema,
	programmeOutSchema
} from '../features/programmes/schema';
/**
 * The OpenAPI document of /api/v1, generated from the same zod schemas the routes validate
 * with. Every /api/v1 route is listed here; a test fails when a route file has no entry.
 */

const errorSchema = z.object({
	error: z.object({ code: z.string(), message: z.string() })
});

export const meSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string(),
	role: z.enum(['member', 'editor', 'admin']),
	status: z.enum(['applicant', 'active', 'suspended']),
	twoFactorEnabled: z.boolean()
});

const listOf = (item: z.ZodType) =>
	z.object({ items: z.array(item), total: z.number().int(), next: z.string().nullable() });

const named = z.object({ id: z.string(), name: z.string() });

/** A member as the directory lists them; `email` only when the member chose to show it. */
export const memberSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().nullable(),
	jobTitle: z.string().nullable(),
	organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
	province: z.object({ code: z.string(), name: z.string() }).nullable(),
	photoUrl: z.string().nullable(),
	themes: z.array(named)
});

const facetSchema = z.array(
	z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() })
);

export const memberListSchema = listOf(memberSchema).extend({
	facets: z.object({
		province: facetSchema,
		organisationType: facetSchema,
		organisation: facetSchema,
		theme: facetSchema,
		role: facetSchema,
		network: facetSchema
	})
});

/** One member's profile; networks as the caller may see them (private ones only to members). */
export const memberDetailSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().nullable(),
	jobTitle: z.string().nullable(),
	photoUrl: z.string().nullable(),
	bio: z.string().nullable(),
	askMeAbout: z.string().nullable(),
	lookingFor: z.string().nullable(),
	organisation: z
		.object({ slug: z.string(), name: z.string(), type: z.string().nullable() })
		.nullable(),
	province: z.object({ code: z.string(), name: z.string() }).nullable(),
	fieldRole: z.string().nullable(),
	themes: z.array(named),
	networks: z.array(
		z.object({ slug: z.string(), name: z.string(), role: z.enum(['member', 'coordinator']) })
	)
});

/** A search hit: title and snippet as escaped HTML with <mark> around the words found. */
export const searchHitSchema = z.object({
	kind: searchKindSchema,
	id: z.string(),
	isReply: z.boolean(),
	url: z.string(),
	title: z.string(),
	titleHtml: z.string(),
	snippetHtml: z.string()
});

export const searchResultSchema = listOf(searchHitSchema).extend({
	facets: z.array(z.object({ kind: searchKindSchema, count: z.number().int() })),
	capped: z.boolean()
});

interface Operation {
	method: 'get' | 'post' | 'patch' | 'delete';
	path: string;
	summary: string;
	/** Query parameters (all optional), each with its own schema. */
	query?: Record<string, { description: string; schema: z.ZodType }>;
	body?: z.ZodType;
	responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const filterValue = z.string().regex(/^[A-Za-z0-9._-]{1,120}$/);
const forbidden = {
	description: 'Signed in, but not (yet) a member: applicants wait for approval',
	schema: errorSchema
};

const unauthorized = { description: 'Not signed in and no valid token', schema: errorSchema };

export const OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/api/v1/search',
		summary:
			'Search everything the caller may see (visitors: what is public): Dutch stemming, compound words, synonyms, "quoted phrases"',
		query: {
			q: { description: 'The words to find (at most 200 characters)', schema: z.string() },
			kind: { description: 'Only this kind of result', schema: searchKindSchema },
			page: { description: 'Page number, ten a page', schema: z.number().int().min(1) }
		},
		responses: {
			200: {
				description: 'The hits, best first, with per-kind counts',
				schema: searchResultSchema
			},
			400: {
				description:
					'query_empty: no words in q (only punctuation or operators); query_too_long; invalid_kind; invalid_query',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/me',
		summary: 'The signed-in member',
		responses: { 200: { description: 'The member', schema: meSchema }, 401: unauthorized }
	},
	{
		method: 'get',
		path: '/api/v1/me/tokens',
		summary: 'My personal API tokens (without the tokens themselves)',
		responses: { 200: { description: 'Tokens', schema: listOf(tokenSchema) }, 401: unauthorized }
	},
	{
		method: 'post',
		path: '/api/v1/me/tokens',
		summary: 'Create a personal API token; the token is in this response only',
		body: createTokenSchema,
		responses: {
			201: { description: 'Created', schema: createdTokenSchema },
			400: { description: 'Invalid input', schema: errorSchema },
			401: unauthorized
		}
	},
	{
		method: 'get',
		path: '/api/v1/members',
		summary:
			'The member directory: filters combine, each facet counts its options with the other filters applied',
		query: {
			q: {
				description: 'Words in name, job title, organisation, theme or "ask me about"',
				schema: z.string().max(200)
			},
			province: { description: 'Province code (ISO 3166-2), e.g. NL-ZH', schema: filterValue },
			organisationType: { description: 'Organisation type id, e.g. gemeente', schema: filterValue },
			organisation: { description: 'Organisation slug, e.g. gemeente-zwolle', schema: filterValue },
			theme: { description: 'Theme id, e.g. circulaire-economie', schema: filterValue },
			role: {
				description: 'Role in the field id, e.g. accountmanager-bedrijven',
				schema: filterValue
			},
			network: { description: 'Network slug, e.g. mkb-deals', schema: filterValue },
			sort: {
				description: 'name (default) or active (recently active first)',
				schema: z.enum(SORTS)
			},
			page: {
				description: 'Page number, from 1 (20 members a page)',
				schema: z.int().min(1).max(10_000)
			}
		},
		responses: {
			200: {
				description: 'Members, the counts of every filter option and the next page',
				schema: memberListSchema
			},
			400: {
				description:
					'invalid_filter: a filter value that is malformed, does not exist or is not visible to you; invalid_query: q, sort or page malformed',
				schema: errorSchema
			},
			401: unauthorized,
			403: forbidden
		}
	},
	{
		method: 'get',
		path: '/api/v1/members/{id}',
		summary: "One member's profile",
		responses: {
			200: { description: 'The profile', schema: memberDetailSchema },
			401: unauthorized,
			403: forbidden,
			404: { description: 'No such active member', schema: errorSchema }
		}
	},
	{
		method: 'delete',
		path: '/api/v1/me/tokens/{id}',
		summary: 'Revoke one of my tokens',
		responses: {
			204: { description: 'Revoked' },
			401: unauthorized,
			404: { description: 'No such token', schema: errorSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/programmes',
		summary: 'The regional knowledge programmes the caller may see (visitors: the public ones)',
		responses: { 200: { description: 'Programmes', schema: listOf(programmeOutSchema) } }
	},
	{
		method: 'get',
		path: '/api/v1/programmes/{slug}',
		summary: 'One programme with its sessions and the caller’s place in its group',
		responses: {
			200: { description: 'The programme', schema: programmeDetailOutSchema },
			404: { description: 'No such programme, or not visible (not_found)', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/programmes/{slug}/enrolment',
		summary:
			'Join the programme’s group: a place and every upcoming session (201), the waiting list (202), or already in it (200)',
		responses: {
			200: { description: 'Already in the group or waiting', schema: enrolmentOutSchema },
			201: { description: 'In the group', schema: enrolmentOutSchema },
			202: { description: 'On the waiting list', schema: enrolmentOutSchema },
			401: unauthorized,
			403: { description: 'Not an active member (not_a_member)', schema: errorSchema },
			404: { description: 'No such programme, or not visible (not_found)', schema: errorSchema },
			409: { description: 'Enrolment is closed (enrolment_closed)', schema: errorSchema }
		}
	},
	{
		method: 'delete',
		path: '/api/v1/programmes/{slug}/enrolment',
		summary: 'Leave the programme’s group or its waiting list; the first waiting gets the place',
		responses: {
			200: {
				description: 'Left',
				schema: z.object({ left: z.enum(['enrolled', 'waitlisted']) })
			},
			401: unauthorized,
			403: { description: 'Not an active member (not_a_member)', schema: errorSchema },
			404: { description: 'No such programme, or not visible (not_found)', schema: errorSchema },
			409: { description: 'Not in the group (not_enrolled)', schema: errorSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/networks',
		summary: 'The networks the caller may see (visitors: the public ones)',
		responses: { 200: { description: 'Networks', schema: listOf(networkOutSchema) } }
	},
	{
		method: 'post',
		path: '/api/v1/networks',
		summary: 'Start a network (coordinators and admins); the creator becomes its coordinator',
		body: createNetworkBodySchema,
		responses: {
			201: { description: 'Created', schema: z.object({ slug: z.string() }) },
			400: { description: 'Invalid input', schema: errorSchema },
			401: unauthorized,
			403: { description: 'Not a coordinator or admin (forbidden)', schema: errorSchema },
			409: { description: 'A network with this name exists (name_taken)', schema: errorSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/networks/{slug}',
		summary: 'One network; a private network is 404 to those outside it',
		responses: {
			200: { description: 'The network', schema: networkDetailOutSchema },
			404: { description: 'No such network, or not visible (not_found)', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/networks/{slug}/membership',
		summary: 'Join an open network (201) or ask to join an on-request one (202)',
		body: membershipBodySchema,
		responses: {
			201: { description: 'Joined', schema: z.object({ status: z.literal('active') }) },
			202: { description: 'Requested', schema: z.object({ status: z.literal('requested') }) },
			401: unauthorized,
			403: { description: 'By invitation only (invitation_only)', schema: errorSchema },
			404: { description: 'No such network, or not visible (not_found)', schema: errorSchema },
			409: {
				description: 'Already a member or already asked (already_member, already_requested)',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/me/conversations',
		summary: 'My private conversations, the most recent first, with unread counts',
		responses: {
			200: { description: 'Conversations', schema: listOf(apiConversationSchema) },
			401: unauthorized,
			403: { description: 'not_a_member: only active members have messages', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/me/conversations/{id}/messages',
		summary: 'Send a message (plain text) in one of my conversations',
		body: apiMessageSchema,
		responses: {
			201: { description: 'Sent', schema: apiSentMessageSchema },
			400: { description: 'invalid_json or invalid_input', schema: errorSchema },
			401: unauthorized,
			403: {
				description:
					'blocked: the other member blocked you; you_blocked: you blocked them; not_a_member',
				schema: errorSchema
			},
			404: { description: 'not_found: no such conversation of mine', schema: errorSchema },
			409: {
				description: 'unavailable: the other member left or is suspended',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/networks/{slug}/threads',
		summary:
			"A network's threads, pinned first, then by last activity (?page=N, 20 a page). Members see those of networks they may see inside; a private network's only its own members",
		responses: {
			200: { description: 'Threads', schema: listOf(threadSummarySchema) },
			401: unauthorized,
			403: { description: 'not_a_member: the account is not active yet', schema: errorSchema },
			404: { description: 'not_found: no such network, or not visible', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/networks/{slug}/threads',
		summary:
			'Start a thread: kind discussion or question, a title and a Markdown body (members of the network). "@Full Name" mentions a member of the network, who gets an e-mail',
		body: threadInputSchema,
		responses: {
			201: { description: 'Created', schema: threadSchema },
			400: { description: 'invalid_json or invalid_input', schema: errorSchema },
			401: unauthorized,
			403: {
				description: 'forbidden: not a member of this network; not_a_member',
				schema: errorSchema
			},
			404: { description: 'not_found: no such network, or not visible', schema: errorSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/threads/{id}/replies',
		summary:
			"A thread's replies, oldest first (?page=N, 25 a page); a deleted reply keeps its place with deleted: true and no text",
		responses: {
			200: { description: 'Replies', schema: listOf(replySchema) },
			401: unauthorized,
			403: { description: 'not_a_member: the account is not active yet', schema: errorSchema },
			404: { description: 'not_found: no such thread, or not visible', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/threads/{id}/replies',
		summary: 'Reply to a thread in Markdown; "@Full Name" mentions a member of the network',
		body: replyInputSchema,
		responses: {
			201: { description: 'Created', schema: replySchema },
			400: { description: 'invalid_json or invalid_input', schema: errorSchema },
			401: unauthorized,
			403: {
				description:
					'thread_locked: the thread is locked; forbidden: not a member of the network; not_a_member',
				schema: errorSchema
			},
			404: { description: 'not_found: no such thread, or not visible', schema: errorSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/knowledge',
		summary:
			'The knowledge library as the caller may see it (visitors: public items; members also members-only items and those of their networks). Filters combine; each facet counts its options with the other filters applied; 12 a page',
		query: {
			q: { description: 'Words in title, summary or text', schema: apiListSchema.shape.q },
			kind: {
				description: 'practice_example, insight, publication or report',
				schema: z.enum(['practice_example', 'insight', 'publication', 'report'])
			},
			theme: { description: 'Theme id, e.g. circulaire-economie', schema: filterValue },
			province: { description: 'Province code (ISO 3166-2), e.g. NL-ZH', schema: filterValue },
			organisationType: {
				description: 'Type of an organisation involved, e.g. gemeente',
				schema: filterValue
			},
			year: { description: 'Year of publication', schema: z.int().min(1990).max(2100) },
			sort: {
				description: 'newest (default), useful (most "nuttig" votes) or viewed (most viewed)',
				schema: z.enum(['newest', 'useful', 'viewed'])
			},
			page: { description: 'Page number, from 1', schema: z.int().min(1).max(10_000) }
		},
		responses: {
			200: { description: 'Items, facets and the next page', schema: knowledgeListOutSchema },
			400: { description: 'invalid_query: a parameter is malformed', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/knowledge',
		summary:
			'Write a knowledge item (members): a draft, or published at once with publish: true. Markdown is sanitised; co-authors and the contact person by e-mail address, organisations by slug, the network by slug (visibility network)',
		body: apiCreateSchema,
		responses: {
			201: { description: 'Created', schema: knowledgeOutSchema },
			400: {
				description:
					'invalid_json, invalid_input, or a reference that does not exist: unknown_theme, unknown_province, unknown_organisation, unknown_member, unknown_network',
				schema: errorSchema
			},
			401: unauthorized,
			403: {
				description: 'not_a_member; not_in_network: sharing in a network one is not in',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/knowledge/{slug}',
		summary:
			'One knowledge item with its structure, authors, adoptions ("Dit passen wij toe") and up to five related items the caller may see',
		responses: {
			200: { description: 'The item', schema: knowledgeOutSchema },
			404: {
				description: 'not_found: no such item, or not visible to the caller',
				schema: errorSchema
			}
		}
	},
	{
		method: 'patch',
		path: '/api/v1/knowledge/{slug}',
		summary:
			'Change an item (its authors and editors). Fields left out stay as they are; version must be the current version (optimistic concurrency); publish: true publishes a draft. Every change is a new revision',
		body: apiUpdateSchema,
		responses: {
			200: { description: 'The item as it is now', schema: knowledgeOutSchema },
			400: {
				description: 'invalid_json, invalid_input or an unknown reference',
				schema: errorSchema
			},
			401: unauthorized,
			403: {
				description: 'forbidden: not an author or editor; not_a_member; not_in_network',
				schema: errorSchema
			},
			404: {
				description: 'not_found: no such item, or not visible to the caller',
				schema: errorSchema
			},
			409: {
				description: 'changed: the item changed since that version; unchanged: nothing to save',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/events',
		summary:
			'The events the caller may see (visitors: the public ones), upcoming soonest first or past latest first; times are UTC instants, shown in Europe/Amsterdam',
		query: {
			when: {
				description:
					'upcoming (default), past, or all; with from or to the default is all (every event starting in that window)',
				schema: z.enum(['upcoming', 'past', 'all'])
			},
			from: {
				description:
					'Only events starting at or after this day (2026-10-25, from 00:00 in Amsterdam) or time (2026-10-25T10:00, in Amsterdam, or with an offset: 2026-10-25T10:00:00+01:00)',
				schema: z.string().max(40)
			},
			to: {
				description: 'Only events starting before this day or time (as from)',
				schema: z.string().max(40)
			},
			format: { description: 'Event format id, e.g. webinar', schema: filterValue },
			theme: { description: 'Theme id, e.g. circulaire-economie', schema: filterValue },
			province: { description: 'Province code, e.g. NL-ZH', schema: filterValue },
			mode: {
				description: 'online (online or hybrid) or on_site (on site or hybrid)',
				schema: z.enum(['online', 'on_site'])
			},
			network: { description: 'Organising network slug, e.g. mkb-deals', schema: filterValue },
			programme: {
				description: 'Programme slug: only the sessions of that regional programme',
				schema: filterValue
			},
			page: { description: 'Page number, from 1 (20 a page)', schema: z.int().min(1).max(10_000) }
		},
		responses: {
			200: { description: 'Events', schema: listOf(eventOutSchema) },
			400: {
				description: 'invalid_query (when, from, to, mode, page) or invalid_filter (unknown value)',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/events/{slug}',
		summary:
			'One event; the meeting link (onlineUrl) only for a caller with a place, and the caller’s own registration',
		responses: {
			200: { description: 'The event', schema: eventDetailOutSchema },
			404: { description: 'No such event, or not visible (not_found)', schema: errorSchema }
		}
	},
	{
		method: 'patch',
		path: '/api/v1/events/{slug}',
		summary:
			'Change an event (its organisers, admins and editors): only the fields given change; the rest of the event is checked with them as the edit form checks it. A capacity below the number registered keeps everyone registered and takes nobody new: surplus says how many are over',
		body: eventPatchSchema,
		responses: {
			200: {
				description: 'The changed event',
				schema: eventDetailOutSchema.extend({ surplus: z.int() })
			},
			400: {
				description: `invalid_json, invalid_input, or the field that is wrong: ${EVENT_PROBLEM_CODES}`,
				schema: errorSchema
			},
			401: unauthorized,
			403: { description: 'forbidden (not an organiser) or not_a_member', schema: errorSchema },
			404: { description: 'No such event, or not visible (not_found)', schema: errorSchema }
		}
	},
	{
		method: 'post',
		path: '/api/v1/events',
		summary:
			'Create an event (admins and editors for anyone; coordinators for their networks and programmes). Without visibility it is for members; times as in from',
		body: eventCreateSchema,
		responses: {
			201: { description: 'The new event (Location: its address)', schema: eventDetailOutSchema },
			400: {
				description: `invalid_json, invalid_input, or the field that is wrong: ${EVENT_PROBLEM_CODES}`,
				schema: errorSchema
			},
			401: unauthorized,
			403: {
				description: 'forbidden (may not organise events) or not_a_member',
				schema: errorSchema
			}
		}
	},
	{
		method: 'post',
		path: '/api/v1/events/{slug}/registration',
		summary:
			'Register the signed-in member: 201 {"status": "registered"}, 202 {"status": "waitlisted", "position": n}; repeated, 200 with the existing registration',
		body: registerBodySchema,
		responses: {
			200: {
				description: 'Already registered or waiting; nothing changed',
				schema: registrationStatusSchema
			},
			201: { description: 'Registered', schema: registrationStatusSchema },
			202: { description: 'On the waiting list', schema: registrationStatusSchema },
			400: { description: 'invalid_json, invalid_input or answers_missing', schema: errorSchema },
			401: unauthorized,
			403: forbidden,
			404: { description: 'No such event, or not visible (not_found)', schema: errorSchema },
			409: {
				description: 'registration_closed, registration_not_open or programme_session',
				schema: errorSchema
			}
		}
	},
	{
		method: 'delete',
		path: '/api/v1/events/{slug}/registration',
		summary: 'Cancel my registration or leave the waiting list; the first waiting gets the place',
		responses: {
			200: { description: 'Cancelled', schema: z.object({ cancelled: z.string() }) },
			401: unauthorized,
			403: forbidden,
			404: { description: 'No such event, or not visible (not_found)', schema: errorSchema },
			409: {
				description: 'not_registered, event_over, stale_link or programme_session',
				schema: errorSchema
			}
		}
	},
	{
		method: 'get',
		path: '/api/v1/events/{slug}/registrations',
		summary:
			'Who registered and who waits (organisers, admins and editors): places first, then the waiting list with each position',
		responses: {
			200: { description: 'Registrations', schema: listOf(registrationOutSchema) },
			401: unauthorized,
			403: { description: 'forbidden (not an organiser) or not_a_member', schema: errorSchema },
			404: { description: 'No such event, or not visible (not_found)', schema: errorSchema }
		}
	}
];

export function openApiDocument(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of OPERATIONS) {
		const parameters: Record<string, unknown>[] = [
			...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
				name: m[1],
				in: 'path',
				required: true,
				schema: { type: 'string' }
			})),
			...Object.entries(op.query ?? {}).map(([name, p]) => ({
				name,
				in: 'query',
				required: false,
				description: p.description,
				schema: z.toJSONSchema(p.schema)
			}))
		];
		paths[op.path] ??= {};
		paths[op.path]![op.method] = {
			summary: op.summary,
			...(parameters.length ? { parameters } : {}),
			...(op.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: z.toJSONSchema(op.body) } }
						}
					}
				: {}),
			responses: Object.fromEntries(
				Object.entries(op.responses).map(([status, r]) => [
					status,
					{
						description: r.description,
						...(r.schema
							? { content: { 'application/json': { schema: z.toJSONSchema(r.schema) } } }
							: {})
					}
				])
			)
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Kennisnetwerk Regionale Economie API',
			version: '1',
			description:
				'Authenticate with a personal API token (Authorization: Bearer kn_…) or a browser session.'
		},
		servers: [{ url: origin }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }
		},
		security: [{ bearer: [] }],
		paths
	};
}
