import { error, redirect } from '@sveltejs/kit';
import { type AccountAction, can } from './features/accounts/policy';

/**
 * For routes: stop unless the signed-in person may do this. Visitors go to sign in (and come
 * back), everyone else who may not gets a 403 with a Dutch message.
 */
export function authorize(
	locals: App.Locals,
	url: URL,
	action: AccountAction
): asserts locals is App.Locals & { user: NonNullable<App.Locals['user']> } {
	if (can(locals.user, action)) return;
	if (!locals.user)
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
	error(403, 'Je hebt geen toegang tot deze pagina.');
}
