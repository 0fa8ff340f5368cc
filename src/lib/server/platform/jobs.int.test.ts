import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type DB, openDatabase } from '../db';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../testing/db';
import {
	claimJobs,
	completeJob,
	enqueueJob,
	failJob,
	type Job,
	runJobsOnce,
	startWorker
} from './jobs';
import { logger } from './logger';

const quiet = logger.child({}, { level: 'silent' });
const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

/** More connections to the same database, so claimers really compete (as separate processes would). */
async function moreConnections(handle: TestDatabase, count: number): Promise<DatabaseHandle[]> {
	if (handle.dialect === 'sqlite') {
		const options = {
			dataDir: path.dirname(handle.location),
			fileName: path.basename(handle.location)
		};
		return Array.from({ length: count }, () => openDatabase(options));
	}
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
		handle.db
	);
	const schema = rows[0]?.schema;
	return Array.from({ length: count }, () =>
		openDatabase({ databaseUrl: process.env.DATABASE_URL_TEST, dataDir: '', schema, poolSize: 2 })
	);
}

async function jobRow(db: DB, id: string) {
	return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe.each(DIALECTS)('jobs on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('hands each job to exactly one of five concurrent claimers', async () => {
		const kind = 'test.exclusive';
		const ids = new Set<string>();
		for (let i = 0; i < 50; i++) ids.add(await enqueueJob(db, { kind, payload: { i } }));
		const connections = await moreConnections(handle, 5);
		const claims = new Map<string, string[]>();
		try {
			await Promise.all(
				connections.map(async (connection, n) => {
					const workerId = `claimer-${n}`;
					for (;;) {
						const jobs = await claimJobs(connection.db, { workerId, kinds: [kind], limit: 3 });
						if (jobs.length === 0) return;
						for (const job of jobs) claims.set(job.id, [...(claims.get(job.id) ?? []), workerId]);
						for (const job of jobs) {
							expect(await completeJob(connection.db, job, { workerId })).toBe(true);
						}
					}
				})
			);
		} finally {
			await Promise.all(connections.map((c) => c.close()));
		}
		expect(new Set(claims.keys())).toEqual(ids);
		expect([...claims.values()].filter((by) => by.length !== 1)).toEqual([]);
		const rows = await db.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
		expect(rows.every((r) => r.done_at !== null && r.attempts === 1 && r.locked_by === null)).toBe(
			true
		);
	});

	it('claims no more jobs than asked for, oldest first', async () => {
		const kind = 'test.limit';
		const ids: string[] = [];
		for (let i = 0; i < 6; i++) ids.push(await enqueueJob(db, { kind, payload: { i } }));
		const first = await claimJobs(db, { workerId: 'w1', kinds: [kind], limit: 2 });
		expect(first).toHaveLength(2);
		const second = await claimJobs(db, { workerId: 'w2', kinds: [kind], limit: 3 });
		expect(second).toHaveLength(3);
		const rest = await claimJobs(db, { workerId: 'w3', kinds: [kind], limit: 5 });
		expect(rest).toHaveLength(1);
		expect(new Set([...first, ...second, ...rest].map((j) => j.id))).toEqual(new Set(ids));
	});

	it('schedules a retry later and later with backoff, then claims it again when due', async () => {
		const kind = 'test.backoff';
		const id = await enqueueJob(db, { kind, maxAttempts: 3 });
		const t0 = new Date();
		const half = () => 0.5;

		const [first] = await claimJobs(db, { workerId: 'w', kinds: [kind], now: t0 });
		expect(first).toMatchObject({ id, attempts: 1, locked_by: 'w' });
		expect(
			await failJob(db, first as Job, new Error('boom'), { workerId: 'w', now: t0, random: half })
		).toMatchObject({ outcome: 'retry' });
		const afterFirst = await jobRow(db, id);
		expect(afterFirst).toMatchObject({ last_error: 'boom', locked_by: null, locked_until: null });
		const firstDelay = Date.parse(afterFirst.run_at) - t0.getTime();
		expect(firstDelay).toBeGreaterThan(1000);
		expect(await claimJobs(db, { workerId: 'w', kinds: [kind], now: t0 })).toEqual([]);

		const t1 = new Date(Date.parse(afterFirst.run_at) + 1);
		const [second] = await claimJobs(db, { workerId: 'w', kinds: [kind], now: t1 });
		expect(second).toMatchObject({ id, attempts: 2 });
		await failJob(db, second as Job, new Error('boom again'), {
			workerId: 'w',
			now: t1,
			random: half
		});
		const secondDelay = Date.parse((await jobRow(db, id)).run_at) - t1.getTime();
		expect(secondDelay).toBeGreaterThan(firstDelay);
	});

	it('marks a job failed after its last attempt and never runs it again', async () => {
		const kind = 'test.exhausted';
		const id = await enqueueJob(db, { kind, maxAttempts: 3 });
		const outcomes: string[] = [];
		let now = new Date();
		for (let i = 0; i < 5; i++) {
			const result = await runJobsOnce(
				db,
				{
					[kind]: async () => {
						throw new Error(`attempt ${i + 1} failed`);
					}
				},
				{ workerId: 'w', now, log: quiet }
			);
			if (result.retried) outcomes.push('retried');
			if (result.failed) outcomes.push('failed');
			now = seconds(now, 7200);
		}
		expect(outcomes).toEqual(['retried', 'retried', 'failed']);
		const row = await jobRow(db, id);
		expect(row).toMatchObject({ attempts: 3, last_error: 'attempt 3 failed', done_at: null });
		expect(row.failed_at).not.toBeNull();
	});

	it('lets another worker claim a job whose lock expired, and ignores the old worker after that', async () => {
		const kind = 'test.expired';
		const id = await enqueueJob(db, { kind });
		const t0 = new Date();
		const [mine] = await claimJobs(db, {
			workerId: 'crashed',
			kinds: [kind],
			lockSeconds: 30,
			now: t0
		});
		expect(mine?.id).toBe(id);
		expect(await claimJobs(db, { workerId: 'other', kinds: [kind], now: seconds(t0, 29) })).toEqual(
			[]
		);

		const [theirs] = await claimJobs(db, {
			workerId: 'other',
			kinds: [kind],
			now: seconds(t0, 31)
		});
		expect(theirs).toMatchObject({ id, attempts: 2, locked_by: 'other' });
		expect(await completeJob(db, mine as Job, { workerId: 'crashed' })).toBe(false);
		expect(await failJob(db, mine as Job, new Error('late'), { workerId: 'crashed' })).toEqual({
			outcome: 'lost'
		});
		expect(await completeJob(db, theirs as Job, { workerId: 'other' })).toBe(true);
		expect((await jobRow(db, id)).done_at).not.toBeNull();
	});

	it('fails a job whose worker died during its last attempt instead of leaving it pending', async () => {
		const kind = 'test.abandoned';
		const id = await enqueueJob(db, { kind, maxAttempts: 1 });
		const t0 = new Date();
		await claimJobs(db, { workerId: 'crashed', kinds: [kind], lockSeconds: 30, now: t0 });
		expect(await claimJobs(db, { workerId: 'other', kinds: [kind], now: seconds(t0, 60) })).toEqual(
			[]
		);
		const row = await jobRow(db, id);
		expect(row.failed_at).not.toBeNull();
		expect(row.last_error).toBe('worker stopped during the last attempt');
	});

	it('never creates a job enqueued in a transaction that rolls back', async () => {
		let id: string | undefined;
		await expect(
			db.transaction().execute(async (trx) => {
				id = await enqueueJob(trx, { kind: 'test.rollback' });
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect(id).toBeDefined();
		expect(
			await db.selectFrom('jobs').select('id').where('kind', '=', 'test.rollback').execute()
		).toEqual([]);
	});

	it('runs jobs in a worker with their payload, and stop() finishes the job in hand', async () => {
		const kind = 'test.worker';
		const seen: unknown[] = [];
		let started!: () => void;
		const inHand = new Promise<void>((resolve) => (started = resolve));
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const id = await enqueueJob(db, { kind, payload: { hello: 'wereld' } });

		const worker = startWorker(
			db,
			{
				[kind]: async (payload) => {
					seen.push(payload);
					started();
					await gate;
				}
			},
			{ pollMs: 20, workerId: 'stopping', log: quiet }
		);
		await inHand;
		let stopped = false;
		const stopping = worker.stop().then(() => (stopped = true));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(stopped).toBe(false);
		release();
		await stopping;
		expect(seen).toEqual([{ hello: 'wereld' }]);
		expect((await jobRow(db, id)).done_at).not.toBeNull();
	});
});
