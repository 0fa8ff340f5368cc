/** Who is looking: routes build it from the session and hand it to features (which never read the session). */
export type Viewer =
	{ kind: 'visitor' } | { kind: 'member'; userId: string; role: 'member' | 'editor' | 'admin' };

export const VISITOR: Viewer = { kind: 'visitor' };

/** Only active members see as members: an applicant (awaiting approval) sees what visitors see. */
export function viewerFrom(
	user: { id: string; role: 'member' | 'editor' | 'admin'; status: string } | null
): Viewer {
	return user && user.status === 'active'
		? { kind: 'member', userId: user.id, role: user.role }
		: VISITOR;
}
