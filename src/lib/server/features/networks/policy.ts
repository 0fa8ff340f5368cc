import type {
	JoinPolicy,
	NetworkMemberRole,
	NetworkMemberStatus,
	NetworkVisibility
} from '../../db/tables/networks';
import type { Viewer } from '../viewer';

/**
 * Who may do what in a network, read like sentences. Routes, the API and features ask here with
 * the viewer and the network as the viewer relates to it (their membership, if any); nothing
 * else decides. Admins may do everything; suspended accounts never get here (no session).
 */

/** The viewer's place in one network: none, asked to join, member or coordinator. */
export type Membership = { role: NetworkMemberRole; status: NetworkMemberStatus } | null;

export interface NetworkSubject {
	visibility: NetworkVisibility;
	joinPolicy: JoinPolicy;
	membership: Membership;
}

export type NetworkAction =
	/** See that it exists, its page and description. */
	| 'see'
	/** See its members and discussions. */
	| 'see_inside'
	/** Join at once (open networks). */
	| 'join'
	/** Ask to join (on-request networks). */
	| 'request'
	/** Leave (members; a request can be withdrawn the same way). */
	| 'leave'
	/** Start threads and reply. */
	| 'post'
	/** Pin, lock, move and delete posts; approve requests, invite, remove members, export. */
	| 'coordinate'
	/** Change the network's own settings (name, description, visibility, join policy). */
	| 'edit';

const isMember = (m: Membership) => m?.status === 'active';
const isCoordinator = (m: Membership) => m?.status === 'active' && m.role === 'coordinator';

export function can(viewer: Viewer, action: NetworkAction, network: NetworkSubject): boolean {
	const admin = viewer.kind === 'member' && viewer.role === 'admin';
	const { membership } = network;
	const visible =
		admin ||
		isMember(membership) ||
		network.visibility === 'public' ||
		(network.visibility === 'members' && viewer.kind === 'member');
	if (!visible) return false;
	switch (action) {
		case 'see':
			return true;
		case 'see_inside':
			// Visitors read a public network's page, not its members or discussions.
			return viewer.kind === 'member';
		case 'join':
			return viewer.kind === 'member' && !membership && network.joinPolicy === 'open';
		case 'request':
			return viewer.kind === 'member' && !membership && network.joinPolicy === 'request';
		case 'leave':
			return membership !== null;
		case 'post':
			return admin || isMember(membership);
		case 'coordinate':
		case 'edit':
			return admin || isCoordinator(membership);
	}
}

/**
 * Which visibility levels a viewer sees in lists, before their own memberships: a private
 * network also shows to its members, which list queries add with the viewer's memberships.
 */
export function visibleLevels(viewer: Viewer): NetworkVisibility[] {
	if (viewer.kind === 'visitor') return ['public'];
	if (viewer.role === 'admin') return ['public', 'members', 'private'];
	return ['public', 'members'];
}

/** Who may create a network: admins, and members who coordinate one already. */
export function canCreateNetwork(viewer: Viewer, coordinatesAny: boolean): boolean {
	if (viewer.kind !== 'member') return false;
	return viewer.role === 'admin' || coordinatesAny;
}

/**
 * Whether the viewer coordinates this network only as an admin (not as one of its coordinators):
 * what they do then goes into the audit log.
 */
export function coordinatesAsAdmin(viewer: Viewer, network: NetworkSubject): boolean {
	return viewer.kind === 'member' && viewer.role === 'admin' && !isCoordinator(network.membership);
}
