import { describe, expect, it } from 'vitest';
import type { NetworkSubject } from '../networks/policy';
import type { Viewer } from '../viewer';
import { can, type ThreadSubject } from './policy';

const member = (userId: string): Viewer => ({ kind: 'member', userId, role: 'member' });
const admin: Viewer = { kind: 'member', userId: 'admin', role: 'admin' };

const network = (
	visibility: NetworkSubject['visibility'],
	membership: NetworkSubject['membership']
): NetworkSubject => ({ visibility, joinPolicy: 'open', membership });

const inNetwork = network('public', { role: 'member', status: 'active' });
const coordinating = network('public', { role: 'coordinator', status: 'active' });
const outside = network('public', null);

const thread = (overrides: Partial<ThreadSubject> = {}): ThreadSubject => ({
	network: inNetwork,
	authorId: 'anke',
	kind: 'question',
	locked: false,
	othersReplied: false,
	...overrides
});

describe('discussion policy', () => {
	it('lets members read public and members-only networks, and private ones only from inside', () => {
		expect(can({ kind: 'visitor' }, 'read', { network: outside })).toBe(false);
		expect(can(member('x'), 'read', { network: outside })).toBe(true);
		expect(can(member('x'), 'read', { network: network('members', null) })).toBe(true);
		expect(can(member('x'), 'read', { network: network('private', null) })).toBe(false);
		expect(
			can(member('x'), 'read', {
				network: network('private', { role: 'member', status: 'requested' })
			})
		).toBe(false);
		expect(
			can(member('x'), 'read', {
				network: network('private', { role: 'member', status: 'active' })
			})
		).toBe(true);
		expect(can(admin, 'read', { network: network('private', null) })).toBe(true);
	});

	it("lets only the network's members (and admins) start threads and reply", () => {
		expect(can(member('x'), 'start', { network: outside })).toBe(false);
		expect(can(member('x'), 'start', { network: inNetwork })).toBe(true);
		expect(can(admin, 'start', { network: outside })).toBe(true);
		expect(can(member('x'), 'reply', { thread: thread({ network: outside }) })).toBe(false);
		expect(can(member('x'), 'reply', { thread: thread() })).toBe(true);
		expect(can(member('x'), 'report', { network: outside })).toBe(true);
	});

	it('refuses replies and edits in a locked thread, except from its coordinators', () => {
		const locked = thread({ locked: true });
		expect(can(member('x'), 'reply', { thread: locked })).toBe(false);
		expect(can(member('anke'), 'edit_thread', { thread: locked })).toBe(false);
		expect(can(member('c'), 'reply', { thread: { ...locked, network: coordinating } })).toBe(true);
		expect(can(admin, 'reply', { thread: locked })).toBe(true);
		// Marking the answer is not adding: the asker still may.
		expect(can(member('anke'), 'accept', { thread: locked })).toBe(true);
	});

	it('lets authors edit their own posts, and the asker or a coordinator mark the answer', () => {
		expect(can(member('anke'), 'edit_thread', { thread: thread() })).toBe(true);
		expect(can(member('bas'), 'edit_thread', { thread: thread() })).toBe(false);
		expect(can(member('c'), 'edit_thread', { thread: thread({ network: coordinating }) })).toBe(
			false
		);
		const reply = { authorId: 'bas' };
		expect(can(member('bas'), 'edit_reply', { thread: thread(), reply })).toBe(true);
		expect(can(member('anke'), 'edit_reply', { thread: thread(), reply })).toBe(false);
		expect(can(member('bas'), 'edit_reply', { thread: thread({ network: outside }), reply })).toBe(
			false
		);
		expect(can(member('anke'), 'accept', { thread: thread() })).toBe(true);
		expect(can(member('bas'), 'accept', { thread: thread() })).toBe(false);
		expect(can(member('c'), 'accept', { thread: thread({ network: coordinating }) })).toBe(true);
		expect(can(member('anke'), 'accept', { thread: thread({ kind: 'discussion' }) })).toBe(false);
		// A former member's post is nobody's to edit.
		expect(can(member('anke'), 'edit_reply', { thread: thread(), reply: { authorId: null } })).toBe(
			false
		);
	});

	it('lets coordinators moderate; authors delete their replies, and a thread nobody else answered', () => {
		expect(can(member('c'), 'moderate', { thread: thread({ network: coordinating }) })).toBe(true);
		expect(can(member('anke'), 'moderate', { thread: thread() })).toBe(false);
		expect(can(admin, 'moderate', { thread: thread({ network: outside }) })).toBe(true);
		expect(can(member('anke'), 'delete_thread', { thread: thread() })).toBe(true);
		expect(can(member('anke'), 'delete_thread', { thread: thread({ othersReplied: true }) })).toBe(
			false
		);
		expect(
			can(member('c'), 'delete_thread', {
				thread: thread({ othersReplied: true, network: coordinating })
			})
		).toBe(true);
		expect(
			can(member('bas'), 'delete_reply', { thread: thread(), reply: { authorId: 'bas' } })
		).toBe(true);
		expect(
			can(member('anke'), 'delete_reply', { thread: thread(), reply: { authorId: 'bas' } })
		).toBe(false);
	});
});
