import type { Generated } from 'kysely';

/**
 * Durable background work. A job is pending while done_at and failed_at are null; a worker owns it
 * while locked_until lies in the future, after which (the worker crashed) anyone may claim it again.
 */
export interface JobTable {
	id: string;
	kind: string;
	/** JSON text: what the handler needs, never more (no secrets, ids rather than copies). */
	payload: string;
	run_at: string;
	/** Attempts started so far; a claim counts as one, so a job that crashes its worker still ends. */
	attempts: Generated<number>;
	max_attempts: number;
	locked_by: string | null;
	locked_until: string | null;
	last_error: string | null;
	done_at: string | null;
	failed_at: string | null;
	created_at: Generated<string>;
}
