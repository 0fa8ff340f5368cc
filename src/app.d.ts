import type { DB, DialectName } from '$lib/server/db';
import type { Logger } from '$lib/server/platform/logger';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Reference id to quote to the helpdesk; the same id is in the server log. */
			id?: string;
		}
		interface Locals {
			db: DB;
			dialect: DialectName;
			requestId: string;
			log: Logger;
			locale: Locale;
			/** The signed-in person; null for visitors (sign-in arrives with the accounts capability). */
			user: { id: string; name: string; role: 'member' | 'editor' | 'admin' } | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
