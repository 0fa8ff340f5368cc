import { z } from 'zod';

export const THREAD_KINDS = ['discussion', 'question'] as const;

export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const REASON_MAX = 1000;

/** Text as typed, without NUL characters (PostgreSQL cannot store them) and outer spaces. */
const text = () =>
	z
		.string()
		.overwrite((v) => v.replace(/\0/g, ''))
		.trim();

// Two minimums: an empty title is "missing", a two-letter one "too short" (fieldProblems).
const title = text().min(1).min(TITLE_MIN).max(TITLE_MAX);
const body = text().min(1).max(BODY_MAX);

/** A new thread: a discussion or a question, a title and a Markdown text. Forms and the API. */
export const threadInputSchema = z.object({
	kind: z.enum(THREAD_KINDS).default('discussion'),
	title,
	body
});
export type ThreadInput = z.output<typeof threadInputSchema>;

export const threadEditSchema = z.object({ title, body });

export const replyInputSchema = z.object({ body });
export type ReplyInput = z.output<typeof replyInputSchema>;

/** Reporting a post asks why: the admins read it. */
export const reportInputSchema = z.object({
	reason: text().min(1).max(REASON_MAX)
});

/** Deleting asks for an explicit confirmation. */
export const confirmSchema = z.object({ confirm: z.literal('ja') });

/** ?pagina= (pages) or ?page= (API): a positive whole number, 1 when missing or nonsense. */
export function pageNumber(value: string | null | undefined): number {
	const n = Number.parseInt(value ?? '1', 10);
	return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

export type FieldProblem =
	| 'kind_invalid'
	| 'title_missing'
	| 'title_too_short'
	| 'title_too_long'
	| 'body_missing'
	| 'body_too_long'
	| 'reason_missing'
	| 'reason_too_long';

/** The first problem per field of a failed parse, as codes the pages turn into Dutch. */
export function fieldProblems(error: z.ZodError): Partial<Record<string, FieldProblem>> {
	const problems: Partial<Record<string, FieldProblem>> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		if (problems[field]) continue;
		if (field === 'kind') problems.kind = 'kind_invalid';
		else if (field === 'title' || field === 'body' || field === 'reason') {
			if (issue.code === 'too_big') problems[field] = `${field}_too_long`;
			else if (field === 'title' && issue.code === 'too_small' && Number(issue.minimum) > 1) {
				problems.title = 'title_too_short';
			} else problems[field] = `${field}_missing`;
		}
	}
	return problems;
}

// What the API returns (the OpenAPI document is generated from these).

const author = z.object({ id: z.string(), name: z.string() }).nullable();

export const threadSummarySchema = z.object({
	id: z.string(),
	network: z.string(),
	kind: z.enum(THREAD_KINDS),
	title: z.string(),
	author,
	pinned: z.boolean(),
	locked: z.boolean(),
	answered: z.boolean(),
	replyCount: z.number().int(),
	createdAt: z.string(),
	lastActivityAt: z.string(),
	url: z.string()
});

export const threadSchema = threadSummarySchema.extend({
	body: z.string(),
	bodyHtml: z.string(),
	editedAt: z.string().nullable(),
	acceptedReplyId: z.string().nullable()
});

export const replySchema = z.object({
	id: z.string(),
	threadId: z.string(),
	author,
	/** Deleted by its author or a coordinator: shown as "verwijderd", without author or text. */
	deleted: z.boolean(),
	body: z.string(),
	bodyHtml: z.string(),
	accepted: z.boolean(),
	createdAt: z.string(),
	editedAt: z.string().nullable(),
	url: z.string()
});
