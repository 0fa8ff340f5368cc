import type { Actor } from '../accounts/policy';

/**
 * Who may do what with search. Everyone searches (what they find is limited by visibility in
 * the query itself); editors and admins keep the synonyms, admins only with a second factor.
 */
export type SearchAction = 'search' | 'manage_synonyms';

export function can(actor: Actor, action: SearchAction): boolean {
	if (action === 'search') return true;
	if (!actor || actor.status !== 'active') return false;
	if (actor.role === 'editor') return true;
	return actor.role === 'admin' && actor.twoFactorEnabled;
}
