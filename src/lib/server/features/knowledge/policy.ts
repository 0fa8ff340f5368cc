import type {
	KnowledgeKind,
	KnowledgeStatus,
	KnowledgeVisibility
} from '../../db/tables/knowledge';
import type { Viewer } from '../viewer';

/**
 * Who may do what with knowledge, read like sentences. The same rule, for lists, is the query
 * clause `knowledgeVisibleTo` in queries.ts: both must agree (policy.test.ts checks them).
 *
 * - Everyone reads published public items; members also members-only ones; a network-only item
 *   only the active members of that network.
 * - A draft is seen by its authors and by editors; editors (and admins) see and edit everything.
 * - Authors edit, publish and restore their items; editors feature items on the home page.
 * - Members who may see a published item comment on it and find it useful; a member of another
 *   organisation than the authors' marks a practice example as adopted ("Dit passen wij toe").
 */

export interface KnowledgeSubject {
	kind: KnowledgeKind;
	status: KnowledgeStatus;
	visibility: KnowledgeVisibility;
	/** The viewer is an active member of the item's network. */
	inNetwork: boolean;
	/** The viewer is one of its authors. */
	isAuthor: boolean;
	/** The viewer works at an organisation of one of its authors. */
	sameOrganisation: boolean;
}

export type KnowledgeAction =
	'see' | 'edit' | 'publish' | 'see_history' | 'feature' | 'comment' | 'vote' | 'adopt';

/** Editors and admins curate the library. */
export function isCurator(viewer: Viewer): boolean {
	return viewer.kind === 'member' && (viewer.role === 'editor' || viewer.role === 'admin');
}

/** Any active member writes knowledge. */
export function canCreate(viewer: Viewer): boolean {
	return viewer.kind === 'member';
}

function readable(viewer: Viewer, item: KnowledgeSubject): boolean {
	if (item.status !== 'published') return false;
	if (item.visibility === 'public') return true;
	if (viewer.kind !== 'member') return false;
	if (item.visibility === 'members') return true;
	return item.inNetwork;
}

export function can(viewer: Viewer, action: KnowledgeAction, item: KnowledgeSubject): boolean {
	const curator = isCurator(viewer);
	const mayEdit = curator || (viewer.kind === 'member' && item.isAuthor);
	const visible = mayEdit || readable(viewer, item);
	if (!visible) return false;
	switch (action) {
		case 'see':
			return true;
		case 'edit':
		case 'publish':
		case 'see_history':
			return mayEdit;
		case 'feature':
			return curator && item.status === 'published';
		case 'comment':
		case 'vote':
			return viewer.kind === 'member' && item.status === 'published';
		case 'adopt':
			return (
				viewer.kind === 'member' &&
				item.status === 'published' &&
				item.kind === 'practice_example' &&
				!item.isAuthor &&
				!item.sameOrganisation
			);
	}
}
