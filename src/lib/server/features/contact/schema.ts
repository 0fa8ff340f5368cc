import { z } from 'zod';

/** The longest message or contact request, in characters. */
export const MESSAGE_MAX = 4000;
/** The longest reason for reporting a message. */
export const REPORT_REASON_MAX = 2000;

export const FOLLOW_TYPES = ['member', 'organisation', 'theme', 'network'] as const;

/**
 * Plain text as people type it: Windows and old Mac line breaks become \n, control characters
 * (other than line breaks and tabs) go, and the ends are trimmed. Nothing is interpreted: pages
 * escape it and keep the line breaks; there is no Markdown.
 */
export function plainText(value: string): string {
	return (
		value
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
			.trim()
	);
}

/** A message's text: required, at most MESSAGE_MAX characters (after plainText). */
export const messageText = z
	.string()
	.transform(plainText)
	.pipe(
		z.string().min(1, { error: 'message_missing' }).max(MESSAGE_MAX, { error: 'message_too_long' })
	);

/** Which of messageText's problems the input has, as a stable code. */
export function messageProblem(error: z.ZodError): 'message_missing' | 'message_too_long' {
	return error.issues.some((i) => i.message === 'message_too_long')
		? 'message_too_long'
		: 'message_missing';
}

const id = z.string().trim().min(1).max(200);

/**
 * The follow form (POST /volgen): what to follow, by type and id, and optionally the intended
 * state (`actie`): without it the form toggles. `terug` is where to go afterwards.
 */
export const followSchema = z.object({
	type: z.enum(FOLLOW_TYPES),
	id,
	actie: z.enum(['volgen', 'ontvolgen']).optional()
});

export type FollowInput = z.output<typeof followSchema>;

export const contactRequestSchema = z.object({ aan: id, message: messageText });

export const sendMessageSchema = z.object({ body: messageText });

export const requestDecisionSchema = z.object({ request: id });

export const reportMessageSchema = z.object({
	message: id,
	reason: z
		.string()
		.transform(plainText)
		.pipe(
			z
				.string()
				.min(1, { error: 'reason_missing' })
				.max(REPORT_REASON_MAX, { error: 'reason_too_long' })
		)
});

/** The API's body for a new message. */
export const apiMessageSchema = z.object({
	body: z
		.string()
		.transform(plainText)
		.pipe(z.string().min(1).max(MESSAGE_MAX))
		.meta({ description: `Plain text, 1 to ${MESSAGE_MAX} characters; line breaks are kept` })
});

/** One conversation in the API's list (GET /api/v1/me/conversations). */
export const apiConversationSchema = z.object({
	id: z.string(),
	with: z
		.object({ id: z.string(), name: z.string(), organisation: z.string().nullable() })
		.nullable()
		.meta({ description: 'The other member; null once their account is erased ("voormalig lid")' }),
	lastMessageAt: z.string(),
	unread: z.number().int().meta({ description: 'Messages from the other member not yet read' }),
	preview: z.string().meta({ description: 'The opening words of the newest message' })
});

/** The API's answer to a sent message. */
export const apiSentMessageSchema = z.object({ id: z.string(), createdAt: z.string() });
