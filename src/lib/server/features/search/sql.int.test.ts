import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildLexicon, parseQuery } from './analyser';
import { candidateQuery } from './queries';

// The SQL of the search's one heavy query, checked in (as immich does), so a change to it shows
// in review: the match, visibility in the same statement, newest first, capped.
describe.each(DIALECTS)('the search query on %s', (dialect) => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	const parsed = parseQuery(
		'mkb accountmanagement',
		buildLexicon([['mkb', 'midden- en kleinbedrijf']])
	);
	if (!parsed.ok) throw new Error('parsed');

	it('puts visibility in the SQL and keeps the kind out of the match', async () => {
		const member = { kind: 'member', userId: 'u1', role: 'member' } as const;
		const query = candidateQuery(handle.db, member, parsed.clauses, { cap: 1001 });
		expect(query.compile().sql).toMatchSnapshot();
		expect(query.compile().parameters).toMatchSnapshot();
		const visitor = candidateQuery(handle.db, { kind: 'visitor' }, parsed.clauses, { cap: 1001 });
		expect(visitor.compile().sql).toMatchSnapshot();
	});

	it.runIf(dialect === 'sqlite')(
		'lets the FTS5 table drive the join in rowid order (no sort)',
		async () => {
			const query = candidateQuery(handle.db, { kind: 'visitor' }, parsed.clauses, { cap: 1001 });
			const compiled = query.compile();
			const plan = await handle.db.executeQuery<{ detail: string }>(
				CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters])
			);
			console.log(plan.rows.map((r) => r.detail));
			expect(plan.rows.map((r) => r.detail).join(' | ')).not.toContain('TEMP B-TREE');
		}
	);
});
