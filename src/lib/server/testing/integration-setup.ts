import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		testRun: string;
	}
}

/**
 * One id per integration run. Each PostgreSQL test works in a schema of its own named after the
 * run, and the schemas are dropped here at the end, not while other tests run: dropping a schema
 * while another test's migrator looks through the catalogue makes that test fail.
 */
export default function setup(project: TestProject) {
	const run = randomBytes(4).toString('hex');
	project.provide('testRun', run);
	return async () => {
		const url = process.env.DATABASE_URL_TEST;
		if (!url) return;
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			const { rows } = await client.query<{ nspname: string }>(
				`select nspname from pg_namespace where nspname like $1`,
				[`t\\_${run}\\_%`]
			);
			for (const { nspname } of rows)
				await client.query(`drop schema if exists ${nspname} cascade`);
		} finally {
			await client.end();
		}
	};
}
