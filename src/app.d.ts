import type { DB, DialectName } from '$lib/server/db';
import type { Logger } from '$lib/server/platform/logger';
import type { Locale } from '$lib/paraglide/runtime';
import type { Auth } from '$lib/server/platform/auth';
import type { SessionUser } from '$lib/server/platform/session';

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
			/** The signed-in person; null for visitors. */
			user: SessionUser | null;
			sessionId: string | null;
			auth: Auth;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
