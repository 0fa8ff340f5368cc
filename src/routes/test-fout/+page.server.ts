import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

/** Lets the end-to-end tests see the 500 page; does not exist outside them (KN_E2E=1). */
export const load: PageServerLoad = () => {
	if (env.KN_E2E !== '1') error(404, 'Niet gevonden');
	throw new Error('Opzettelijke fout voor de end-to-end-test');
};
