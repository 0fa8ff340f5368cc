import type { ThreadKind } from '../../db/tables/discussions';
import { can as canInNetwork, type NetworkSubject } from '../networks/policy';
import type { Viewer } from '../viewer';

/**
 * Who may do what in a network's discussions, read like sentences. The network's own policy
 * decides the basics (see inside, post, coordinate); this adds what threads and posts change:
 * - reading needs "see inside" the network (members; a private network only its own members);
 * - starting a thread or replying needs "post" (the network's members, and admins);
 * - a locked thread takes no more replies or edits, except from its coordinators (and admins),
 *   who may still explain why they locked it;
 * - authors edit their own posts; they delete their own replies, and their own thread while
 *   nobody else has replied to it (others' replies do not vanish with it);
 * - the asker, or a coordinator, marks one reply to a question as the answer (also once locked:
 *   marking is not adding);
 * - coordinators (and admins) pin, lock, move and delete anything in their network;
 * - everyone who reads may report a post to the admins.
 */

export interface ThreadSubject {
	network: NetworkSubject;
	authorId: string | null;
	kind: ThreadKind;
	locked: boolean;
	/** Whether anyone other than the author has replied. */
	othersReplied: boolean;
}

export type NetworkDiscussionAction = 'read' | 'start' | 'report';
export type ThreadAction = 'reply' | 'accept' | 'moderate' | 'edit_thread' | 'delete_thread';
export type ReplyAction = 'edit_reply' | 'delete_reply';

const isAuthor = (viewer: Viewer, authorId: string | null) =>
	viewer.kind === 'member' && authorId !== null && authorId === viewer.userId;

export function can(
	viewer: Viewer,
	action: NetworkDiscussionAction,
	subject: { network: NetworkSubject }
): boolean;
export function can(
	viewer: Viewer,
	action: ThreadAction,
	subject: { thread: ThreadSubject }
): boolean;
export function can(
	viewer: Viewer,
	action: ReplyAction,
	subject: { thread: ThreadSubject; reply: { authorId: string | null } }
): boolean;
export function can(
	viewer: Viewer,
	action: NetworkDiscussionAction | ThreadAction | ReplyAction,
	subject: {
		network?: NetworkSubject;
		thread?: ThreadSubject;
		reply?: { authorId: string | null };
	}
): boolean {
	const network = subject.network ?? subject.thread?.network;
	if (!network) return false;
	const reads = canInNetwork(viewer, 'see_inside', network);
	if (!reads) return false;
	const posts = canInNetwork(viewer, 'post', network);
	const coordinates = canInNetwork(viewer, 'coordinate', network);
	switch (action) {
		case 'read':
		case 'report':
			return true;
		case 'start':
			return posts;
	}
	const thread = subject.thread;
	if (!thread) return false;
	const open = !thread.locked || coordinates;
	switch (action) {
		case 'moderate':
			return coordinates;
		case 'reply':
			return posts && open;
		case 'accept':
			return thread.kind === 'question' && (coordinates || isAuthor(viewer, thread.authorId));
		case 'edit_thread':
			return posts && open && isAuthor(viewer, thread.authorId);
		case 'delete_thread':
			return (
				coordinates || (posts && open && isAuthor(viewer, thread.authorId) && !thread.othersReplied)
			);
	}
	const reply = subject.reply;
	if (!reply) return false;
	switch (action) {
		case 'edit_reply':
			return posts && open && isAuthor(viewer, reply.authorId);
		case 'delete_reply':
			return coordinates || (posts && open && isAuthor(viewer, reply.authorId));
	}
}
