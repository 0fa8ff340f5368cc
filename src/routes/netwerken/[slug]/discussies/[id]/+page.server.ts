import { error, fail, redirect } from '@sveltejs/kit';
import {
	acceptAnswer,
	createReply,
	deleteReply,
	deleteThread,
	type DiscussionResult,
	editReply,
	editThread,
	moveThread,
	setLocked,
	setPinned
} from '$lib/server/features/discussions/mutations';
import { can } from '$lib/server/features/discussions/policy';
import {
	acceptedAnswer,
	moveTargets,
	REPLY_PAGE_SIZE,
	replyById,
	replyPage,
	revisionsOf,
	type ThreadForViewer,
	threadForViewer,
	threadReplies
} from '$lib/server/features/discussions/queries';
import {
	confirmSchema,
	fieldProblems,
	pageNumber,
	replyInputSchema,
	reportInputSchema,
	threadEditSchema
} from '$lib/server/features/discussions/schema';
import type { Viewer } from '$lib/server/features/viewer';
import { fileReport } from '$lib/server/features/reports/mutations';
import { getConfig } from '$lib/server/platform/config';
import { memberViewer } from '../access';
import type { Actions, PageServerLoad } from './$types';

const GONE = 'Deze discussie bestaat niet (meer).';

/** The thread as the signed-in member may see it; 404 when it does not exist for them. */
async function threadFor(locals: App.Locals, url: URL, id: string) {
	const viewer = memberViewer(locals, url);
	const found = await threadForViewer(locals.db, id, viewer);
	if (!found) error(404, GONE);
	return { viewer, found };
}

const threadPath = (found: ThreadForViewer) =>
	`/netwerken/${found.thread.network_slug}/discussies/${found.thread.id}`;

/** Where a reply is: its page and its anchor. */
async function replyLocation(locals: App.Locals, found: ThreadForViewer, replyId: string) {
	const page = (await replyPage(locals.db, found.thread.id, replyId)) ?? 1;
	return `${threadPath(found)}${page > 1 ? `?pagina=${page}&` : '?'}`;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { viewer, found } = await threadFor(locals, url, params.id);
	const { thread, subject } = found;
	const path = threadPath(found);
	// A thread that moved to another network answers at its new address.
	if (thread.network_slug !== params.slug) redirect(302, `${path}${url.search}`);
	// ?reactie=<id> (links in mails and on profiles): the page that reply is on, at the reply.
	const linked = url.searchParams.get('reactie');
	if (linked) {
		const page = await replyPage(locals.db, thread.id, linked);
		if (page !== undefined) {
			redirect(303, `${path}${page > 1 ? `?pagina=${page}` : ''}#reactie-${linked}`);
		}
	}

	const replies = await threadReplies(
		locals.db,
		thread.id,
		pageNumber(url.searchParams.get('pagina')),
		REPLY_PAGE_SIZE
	);
	const edited = replies.rows.filter((r) => r.edited_at !== null).map((r) => r.id);
	const revisions =
		thread.edited_at !== null || edited.length > 0
			? await revisionsOf(locals.db, { threadId: thread.id, replyIds: edited })
			: [];
	const historyOf = (post: { threadId?: string; replyId?: string }) =>
		revisions
			.filter((r) => (post.threadId ? r.thread_id === post.threadId : r.reply_id === post.replyId))
			.map((r) => ({ id: r.id, title: r.title, bodyHtml: r.body_html, writtenAt: r.version_at }));
	const answer =
		thread.accepted_reply_id !== null
			? await acceptedAnswer(locals.db, thread.id, thread.accepted_reply_id)
			: undefined;
	const moderate = can(viewer, 'moderate', { thread: subject });
	const editing = url.searchParams.get('bewerk');
	const userId = viewer.kind === 'member' ? viewer.userId : null;

	return {
		network: { slug: thread.network_slug, name: thread.network_name },
		thread: {
			id: thread.id,
			kind: thread.kind,
			title: thread.title,
			bodyHtml: thread.body_html,
			body: thread.author_id === userId ? thread.body : null,
			author:
				thread.author_id === null ? null : { id: thread.author_id, name: thread.author_name ?? '' },
			createdAt: thread.created_at,
			editedAt: thread.edited_at,
			pinned: thread.pinned,
			locked: thread.locked,
			replyCount: thread.reply_count,
			history: historyOf({ threadId: thread.id }),
			mayEdit: can(viewer, 'edit_thread', { thread: subject }),
			mayDelete: can(viewer, 'delete_thread', { thread: subject })
		},
		answer: answer
			? {
					id: answer.id,
					author: answer.author_id === null ? null : (answer.author_name ?? ''),
					bodyHtml: answer.body_html,
					href: `${path}${answer.page > 1 ? `?pagina=${answer.page}` : ''}#reactie-${answer.id}`
				}
			: null,
		replies: replies.rows.map((reply) => {
			const post = { thread: subject, reply: { authorId: reply.author_id } };
			// A deleted reply keeps its place as "verwijderd", with nothing of what it said.
			if (reply.deleted_at !== null) {
				return {
					id: reply.id,
					deleted: true,
					bodyHtml: '',
					body: null,
					author: null,
					createdAt: reply.created_at,
					editedAt: null,
					accepted: false,
					history: [],
					mayEdit: false,
					mayDelete: false
				};
			}
			return {
				deleted: false,
				id: reply.id,
				bodyHtml: reply.body_html,
				body: reply.author_id !== null && reply.author_id === userId ? reply.body : null,
				author:
					reply.author_id === null ? null : { id: reply.author_id, name: reply.author_name ?? '' },
				createdAt: reply.created_at,
				editedAt: reply.edited_at,
				accepted: thread.accepted_reply_id === reply.id,
				history: reply.edited_at ? historyOf({ replyId: reply.id }) : [],
				mayEdit: can(viewer, 'edit_reply', post),
				mayDelete: can(viewer, 'delete_reply', post)
			};
		}),
		page: replies.page,
		pageCount: replies.pageCount,
		editing,
		may: {
			reply: can(viewer, 'reply', { thread: subject }),
			post: can(viewer, 'start', { network: subject.network }),
			accept: can(viewer, 'accept', { thread: subject }),
			moderate,
			report: can(viewer, 'report', { network: subject.network })
		},
		moveTargets: moderate
			? (await moveTargets(locals.db, viewer, thread.network_id)).map((n) => ({
					id: n.id,
					name: n.name
				}))
			: [],
		done: url.searchParams.get('gedaan')
	};
};

type Action = 'reply' | 'edit' | 'accept' | 'pin' | 'lock' | 'move' | 'delete' | 'report';

/** Every failed action answers in one shape: what was tried, on which post, and the problem. */
function refuse(
	status: number,
	action: Action,
	problem: string,
	extra: { post?: string; values?: Record<string, string>; problems?: Record<string, string> } = {}
) {
	return fail(status, {
		action,
		problem,
		post: extra.post ?? null,
		values: extra.values ?? null,
		problems: extra.problems ?? null
	});
}

const STATUS: Record<string, number> = {
	not_found: 404,
	reply_not_found: 404,
	thread_locked: 403,
	not_allowed: 403,
	not_member: 403
};

function settle(action: Action, result: DiscussionResult, post?: string) {
	if (result.ok) return null;
	return refuse(STATUS[result.reason] ?? 409, action, result.reason, { post });
}

/** After a change: back to the thread (PRG), saying what was done. */
function done(location: string, what: string, anchor = ''): never {
	const separator = location.includes('?') ? (location.endsWith('?') ? '' : '&') : '?';
	redirect(303, `${location}${separator}gedaan=${what}${anchor}`);
}

/** Why the viewer may not add to or change this thread: it is locked, or they are no poster. */
function whyNot(viewer: Viewer, found: ThreadForViewer): string {
	if (found.subject.locked && can(viewer, 'start', { network: found.subject.network })) {
		return 'thread_locked';
	}
	return can(viewer, 'start', { network: found.subject.network }) ? 'not_allowed' : 'not_member';
}

/** The reply a form names, in this thread; 404 when it is not (there). */
async function replyOf(locals: App.Locals, found: ThreadForViewer, replyId: string) {
	const reply = replyId ? await replyById(locals.db, replyId) : undefined;
	return reply && reply.thread_id === found.thread.id ? reply : undefined;
}

export const actions: Actions = {
	reageren: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		const form = await request.formData();
		const values = { body: String(form.get('body') ?? '') };
		if (!can(viewer, 'reply', { thread: found.subject })) {
			return refuse(403, 'reply', whyNot(viewer, found), { values });
		}
		const parsed = replyInputSchema.safeParse(values);
		if (!parsed.success) {
			return refuse(400, 'reply', 'invalid', {
				values,
				problems: fieldProblems(parsed.error) as Record<string, string>
			});
		}
		const result = await createReply(locals.db, {
			threadId: found.thread.id,
			authorId: viewer.kind === 'member' ? viewer.userId : '',
			body: parsed.data.body,
			origin: getConfig().origin,
			evenIfLocked: can(viewer, 'moderate', { thread: found.subject })
		});
		if (!result.ok) return refuse(STATUS[result.reason] ?? 409, 'reply', result.reason, { values });
		done(await replyLocation(locals, found, result.id), 'reactie', `#reactie-${result.id}`);
	},
	bewerken: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		const form = await request.formData();
		const post = String(form.get('post') ?? '');
		const evenIfLocked = can(viewer, 'moderate', { thread: found.subject });
		const editorId = viewer.kind === 'member' ? viewer.userId : '';
		const origin = getConfig().origin;
		if (post === found.thread.id) {
			const values = {
				title: String(form.get('title') ?? ''),
				body: String(form.get('body') ?? '')
			};
			if (!can(viewer, 'edit_thread', { thread: found.subject })) {
				return refuse(403, 'edit', whyNot(viewer, found), { post, values });
			}
			const parsed = threadEditSchema.safeParse(values);
			if (!parsed.success) {
				return refuse(400, 'edit', 'invalid', {
					post,
					values,
					problems: fieldProblems(parsed.error) as Record<string, string>
				});
			}
			const result = await editThread(locals.db, {
				threadId: found.thread.id,
				editorId,
				...parsed.data,
				origin,
				evenIfLocked
			});
			return settle('edit', result, post) ?? done(threadPath(found), 'bewerkt');
		}
		const reply = await replyOf(locals, found, post);
		if (!reply) return refuse(404, 'edit', 'reply_not_found', { post });
		const values = { body: String(form.get('body') ?? '') };
		if (
			!can(viewer, 'edit_reply', { thread: found.subject, reply: { authorId: reply.author_id } })
		) {
			return refuse(403, 'edit', whyNot(viewer, found), { post, values });
		}
		const parsed = replyInputSchema.safeParse(values);
		if (!parsed.success) {
			return refuse(400, 'edit', 'invalid', {
				post,
				values,
				problems: fieldProblems(parsed.error) as Record<string, string>
			});
		}
		const result = await editReply(locals.db, {
			replyId: reply.id,
			editorId,
			body: parsed.data.body,
			origin,
			evenIfLocked
		});
		return (
			settle('edit', result, post) ??
			done(await replyLocation(locals, found, reply.id), 'bewerkt', `#reactie-${reply.id}`)
		);
	},
	antwoord: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		if (!can(viewer, 'accept', { thread: found.subject })) {
			return refuse(
				403,
				'accept',
				found.subject.kind === 'question' ? 'not_allowed' : 'not_question'
			);
		}
		const form = await request.formData();
		const replyId = String(form.get('reply') ?? '');
		const result = await acceptAnswer(locals.db, {
			threadId: found.thread.id,
			replyId: replyId === '' ? null : replyId
		});
		if (!result.ok) return settle('accept', result, replyId);
		if (replyId === '') done(threadPath(found), 'antwoord-weg');
		done(await replyLocation(locals, found, replyId), 'antwoord', `#reactie-${replyId}`);
	},
	vastzetten: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		if (!can(viewer, 'moderate', { thread: found.subject }))
			return refuse(403, 'pin', 'not_allowed');
		const pinned = String((await request.formData()).get('pinned') ?? '') === 'ja';
		const result = await setPinned(locals.db, {
			threadId: found.thread.id,
			pinned,
			actorId: viewer.kind === 'member' ? viewer.userId : ''
		});
		return settle('pin', result) ?? done(threadPath(found), pinned ? 'vastgezet' : 'losgemaakt');
	},
	sluiten: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		if (!can(viewer, 'moderate', { thread: found.subject }))
			return refuse(403, 'lock', 'not_allowed');
		const locked = String((await request.formData()).get('locked') ?? '') === 'ja';
		const result = await setLocked(locals.db, {
			threadId: found.thread.id,
			locked,
			actorId: viewer.kind === 'member' ? viewer.userId : ''
		});
		return settle('lock', result) ?? done(threadPath(found), locked ? 'gesloten' : 'geopend');
	},
	verplaatsen: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		if (!can(viewer, 'moderate', { thread: found.subject }))
			return refuse(403, 'move', 'not_allowed');
		const target = String((await request.formData()).get('network') ?? '');
		// Only to a network this coordinator also coordinates (admins: any).
		const allowed = await moveTargets(locals.db, viewer, found.thread.network_id);
		if (!allowed.some((n) => n.id === target)) {
			return refuse(
				target === found.thread.network_id ? 409 : 400,
				'move',
				target === found.thread.network_id ? 'same_network' : 'target_missing'
			);
		}
		const result = await moveThread(locals.db, {
			threadId: found.thread.id,
			networkId: target,
			actorId: viewer.kind === 'member' ? viewer.userId : ''
		});
		if (!result.ok) return settle('move', result);
		done(`/netwerken/${result.networkSlug}/discussies/${found.thread.id}`, 'verplaatst');
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		const form = await request.formData();
		const post = String(form.get('post') ?? '');
		const confirmed = confirmSchema.safeParse({ confirm: form.get('confirm') ?? '' }).success;
		const actorId = viewer.kind === 'member' ? viewer.userId : '';
		if (post === found.thread.id) {
			if (!can(viewer, 'delete_thread', { thread: found.subject })) {
				return refuse(
					403,
					'delete',
					found.subject.othersReplied ? 'not_allowed' : whyNot(viewer, found),
					{ post }
				);
			}
			if (!confirmed) return refuse(400, 'delete', 'confirm_missing', { post });
			const result = await deleteThread(locals.db, {
				threadId: found.thread.id,
				actorId,
				moderated: found.thread.author_id !== actorId
			});
			if (!result.ok) return settle('delete', result, post);
			redirect(303, `/netwerken/${result.networkSlug}/discussies?verwijderd=1`);
		}
		const reply = await replyOf(locals, found, post);
		if (!reply) return refuse(404, 'delete', 'reply_not_found', { post });
		if (
			!can(viewer, 'delete_reply', { thread: found.subject, reply: { authorId: reply.author_id } })
		) {
			return refuse(403, 'delete', whyNot(viewer, found), { post });
		}
		if (!confirmed) return refuse(400, 'delete', 'confirm_missing', { post });
		const result = await deleteReply(locals.db, {
			replyId: reply.id,
			actorId,
			moderated: reply.author_id !== actorId
		});
		return settle('delete', result, post) ?? done(threadPath(found), 'reactie-weg');
	},
	melden: async ({ locals, url, params, request }) => {
		const { viewer, found } = await threadFor(locals, url, params.id);
		const form = await request.formData();
		const post = String(form.get('post') ?? '');
		const values = { reason: String(form.get('reason') ?? '') };
		if (!can(viewer, 'report', { network: found.subject.network })) {
			return refuse(403, 'report', 'not_allowed', { post });
		}
		const isThread = post === found.thread.id;
		if (!isThread && !(await replyOf(locals, found, post))) {
			return refuse(404, 'report', 'reply_not_found', { post });
		}
		const parsed = reportInputSchema.safeParse(values);
		if (!parsed.success) {
			return refuse(400, 'report', 'invalid', {
				post,
				values,
				problems: fieldProblems(parsed.error) as Record<string, string>
			});
		}
		const result = await fileReport(locals.db, {
			reporterId: viewer.kind === 'member' ? viewer.userId : '',
			subjectType: isThread ? 'thread' : 'reply',
			subjectId: post,
			reason: parsed.data.reason
		});
		if (!result.ok) return refuse(409, 'report', result.reason, { post });
		if (isThread) done(threadPath(found), 'gemeld');
		done(await replyLocation(locals, found, post), 'gemeld', `#reactie-${post}`);
	}
};
