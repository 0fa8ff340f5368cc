import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): DialectName {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column helpers so one migration reads the same for both dialects. */
export function columnTypes(dialect: DialectName) {
	const pg = dialect === 'postgres';
	return {
		timestamp: pg ? ('timestamptz' as const) : ('text' as const),
		boolean: pg ? ('boolean' as const) : ('integer' as const),
		now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
		false: pg ? sql`false` : sql`0`,
		true: pg ? sql`true` : sql`1`
	};
}

export function nowDefault(dialect: DialectName) {
	const t = columnTypes(dialect);
	return (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(t.now);
}
