/** Who is looking: routes build it from the session and hand it to features (which never read the session). */
export type Viewer =
	{ kind: 'visitor' } | { kind: 'member'; userId: string; role: 'member' | 'editor' | 'admin' };

export const VISITOR: Viewer = { kind: 'visitor' };

export function viewerFrom(
	user: { id: string; role: 'member' | 'editor' | 'admin' } | null
): Viewer {
	return user ? { kind: 'member', userId: user.id, role: user.role } : VISITOR;
}
