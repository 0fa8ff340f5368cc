import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database, DB } from '../db';
import { dialectOf } from '../db/dialect';
import type { JobTable } from '../db/tables/jobs';
import { type Logger, logger as rootLogger } from './logger';

/**
 * Durable jobs: a row per piece of background work, claimed by workers with a lease
 * (locked_until). PostgreSQL claims with FOR UPDATE SKIP LOCKED so workers in any number of
 * processes never wait for or double-claim a row; SQLite has one writer at a time, so a single
 * conditional UPDATE is atomic there. A worker that dies leaves its lease to expire, after which
 * the job is claimed again: delivery is at least once, so handlers must tolerate a repeat.
 */

export type Job = Selectable<JobTable>;

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_LOCK_SECONDS = 300;
const BACKOFF_BASE_SECONDS = 10;
const BACKOFF_MAX_SECONDS = 3600;
const ERROR_MAX_LENGTH = 2000;

export interface JobContext {
	jobId: string;
	/** 1 for the first attempt. */
	attempt: number;
	maxAttempts: number;
	/** When true, a throw ends the job as failed instead of scheduling a retry. */
	isLastAttempt: boolean;
	workerId: string;
	log: Logger;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const iso = (d: Date) => d.toISOString();
const addSeconds = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** Pass a transaction to make the job part of it: a rollback then leaves no job behind. */
export async function enqueueJob(
	db: DB,
	input: { kind: string; payload?: unknown; runAt?: Date; maxAttempts?: number }
): Promise<string> {
	const id = randomUUID();
	await db
		.insertInto('jobs')
		.values({
			id,
			kind: input.kind,
			payload: JSON.stringify(input.payload ?? {}),
			run_at: iso(input.runAt ?? new Date()),
			max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
			locked_by: null,
			locked_until: null,
			last_error: null,
			done_at: null,
			failed_at: null
		})
		.execute();
	return id;
}

/** Pending, due, not leased by a live worker, and with attempts left. */
function claimable(kinds: string[], now: string) {
	return (eb: ExpressionBuilder<Database, 'jobs'>) =>
		eb.and([
			eb('done_at', 'is', null),
			eb('failed_at', 'is', null),
			eb('kind', 'in', kinds),
			eb('run_at', '<=', now),
			eb('attempts', '<', eb.ref('max_attempts')),
			eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])
		]);
}

export interface ClaimOptions {
	workerId: string;
	kinds: string[];
	limit?: number;
	lockSeconds?: number;
	/** The clock; tests move it forward instead of waiting. */
	now?: Date;
}

/**
 * Leases up to `limit` due jobs to this worker and counts the attempt. No job is ever handed to
 * two workers at once, also across processes.
 */
export async function claimJobs(db: DB, options: ClaimOptions): Promise<Job[]> {
	if (options.kinds.length === 0) return [];
	const clock = options.now ?? new Date();
	const now = iso(clock);
	const lockedUntil = iso(addSeconds(clock, options.lockSeconds ?? DEFAULT_LOCK_SECONDS));
	const postgres = dialectOf(db) === 'postgres';
	await failAbandonedJobs(db, now);

	// The ids are chosen once, in a materialised step: as a plain `in (subquery)` PostgreSQL may
	// run the subquery again for each row it updates and so claim more than the limit.
	const jobs = await db
		.with(
			(cte) => cte('next').materialized(),
			(qb) =>
				qb
					.selectFrom('jobs')
					.select('id')
					.where(claimable(options.kinds, now))
					.orderBy('run_at')
					.orderBy('id')
					.limit(options.limit ?? 1)
					// Rows another worker is claiming right now are skipped rather than waited for.
					.$if(postgres, (q) => q.forUpdate().skipLocked())
		)
		.updateTable('jobs')
		.set((eb) => ({
			locked_by: options.workerId,
			locked_until: lockedUntil,
			attempts: eb('attempts', '+', 1)
		}))
		.where('id', 'in', (eb) => eb.selectFrom('next').select('next.id'))
		// Checked again on the row being updated, so a job claimed in the meantime is left alone.
		.where(claimable(options.kinds, now))
		.returningAll()
		.execute();
	return jobs.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id.localeCompare(b.id));
}

/**
 * A worker died during a job's last attempt: its lease ran out with no attempts left. Nobody
 * will claim it again, so record it as failed rather than leave it pending forever.
 */
async function failAbandonedJobs(db: DB, now: string): Promise<void> {
	await db
		.updateTable('jobs')
		.set((eb) => ({
			failed_at: now,
			locked_by: null,
			locked_until: null,
			last_error: eb.fn.coalesce('last_error', eb.val('worker stopped during the last attempt'))
		}))
		.where('done_at', 'is', null)
		.where('failed_at', 'is', null)
		.where('locked_until', '<', now)
		.where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
		.execute();
}

/** Marks the job done; false when this worker no longer holds it (its lease expired). */
export async function completeJob(
	db: DB,
	job: Pick<Job, 'id'>,
	options: { workerId: string; now?: Date }
): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ done_at: iso(options.now ?? new Date()), locked_by: null, locked_until: null })
		.where('id', '=', job.id)
		.where('locked_by', '=', options.workerId)
		.where('done_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Seconds to wait before attempt `attempt + 1`: doubling from 10 s up to an hour, with jitter so
 * jobs that failed together (an SMTP server that was down) do not all retry in the same second.
 */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
	const exponential = Math.min(
		BACKOFF_MAX_SECONDS,
		BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempt - 1)
	);
	return exponential / 2 + (random() * exponential) / 2;
}

export type FailOutcome =
	{ outcome: 'retry'; runAt: string } | { outcome: 'failed' } | { outcome: 'lost' };

/**
 * Records a failed attempt: schedules a retry with backoff, or marks the job failed when it has
 * no attempts left. 'lost' means this worker no longer held the job.
 */
export async function failJob(
	db: DB,
	job: Pick<Job, 'id' | 'attempts' | 'max_attempts'>,
	error: unknown,
	options: { workerId: string; now?: Date; random?: () => number }
): Promise<FailOutcome> {
	const now = options.now ?? new Date();
	const lastError = errorText(error).slice(0, ERROR_MAX_LENGTH);
	const exhausted = job.attempts >= job.max_attempts;
	const runAt = iso(addSeconds(now, backoffSeconds(job.attempts, options.random)));
	const result = await db
		.updateTable('jobs')
		.set({
			last_error: lastError,
			locked_by: null,
			locked_until: null,
			...(exhausted ? { failed_at: iso(now) } : { run_at: runAt })
		})
		.where('id', '=', job.id)
		.where('locked_by', '=', options.workerId)
		.where('done_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) return { outcome: 'lost' };
	return exhausted ? { outcome: 'failed' } : { outcome: 'retry', runAt };
}

export function errorText(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}

export interface RunOptions {
	workerId: string;
	limit?: number;
	lockSeconds?: number;
	now?: Date;
	log?: Logger;
}

export interface RunResult {
	claimed: number;
	done: number;
	retried: number;
	failed: number;
}

/** Claims what is due (up to `limit`) and runs it, one job after the other. */
export async function runJobsOnce(
	db: DB,
	handlers: JobHandlers,
	options: RunOptions
): Promise<RunResult> {
	const log = options.log ?? rootLogger;
	const jobs = await claimJobs(db, {
		workerId: options.workerId,
		kinds: Object.keys(handlers),
		limit: options.limit ?? 10,
		lockSeconds: options.lockSeconds,
		now: options.now
	});
	const result: RunResult = { claimed: jobs.length, done: 0, retried: 0, failed: 0 };
	for (const job of jobs) {
		const outcome = await runJob(db, handlers, job, { ...options, log });
		result[outcome]++;
	}
	return result;
}

async function runJob(
	db: DB,
	handlers: JobHandlers,
	job: Job,
	options: RunOptions & { log: Logger }
): Promise<'done' | 'retried' | 'failed'> {
	const log = options.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
	const handler = handlers[job.kind];
	try {
		if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
		await handler(JSON.parse(job.payload), {
			jobId: job.id,
			attempt: job.attempts,
			maxAttempts: job.max_attempts,
			isLastAttempt: job.attempts >= job.max_attempts,
			workerId: options.workerId,
			log
		});
	} catch (error) {
		const result = await failJob(db, job, error, options);
		if (result.outcome === 'retry') {
			log.warn({ err: error, runAt: result.runAt }, 'job failed; retrying later');
			return 'retried';
		}
		log.error({ err: error, outcome: result.outcome }, 'job failed');
		return 'failed';
	}
	if (!(await completeJob(db, job, options))) {
		log.warn('job finished after its lease expired; another worker may repeat it');
	}
	return 'done';
}

export function defaultWorkerId(): string {
	return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface Worker {
	workerId: string;
	/** Finishes the job in hand, then resolves. */
	stop(): Promise<void>;
}

/**
 * Runs jobs until stopped: one at a time, so stopping never abandons claimed work, and polling
 * every `pollMs` while there is nothing to do. A database error is logged and the loop goes on;
 * whatever was in hand is retried once its lease runs out.
 */
export function startWorker(
	db: DB,
	handlers: JobHandlers,
	options: { pollMs?: number; workerId?: string; lockSeconds?: number; log?: Logger } = {}
): Worker {
	const workerId = options.workerId ?? defaultWorkerId();
	const log = (options.log ?? rootLogger).child({ workerId });
	const pollMs = options.pollMs ?? 1000;
	let running = true;
	let wake: (() => void) | undefined;

	const idle = () =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, pollMs);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});

	const loop = (async () => {
		while (running) {
			let claimed = 0;
			try {
				const result = await runJobsOnce(db, handlers, {
					workerId,
					limit: 1,
					lockSeconds: options.lockSeconds,
					log
				});
				claimed = result.claimed;
			} catch (error) {
				log.error({ err: error }, 'job worker could not reach the database');
			}
			if (running && claimed === 0) await idle();
		}
	})();

	return {
		workerId,
		async stop() {
			running = false;
			wake?.();
			await loop;
		}
	};
}
