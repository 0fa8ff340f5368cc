import {
	type ColumnDefinitionBuilder,
	type Kysely,
	OperationNodeTransformer,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	PostgresAdapter,
	type PrimitiveValueListNode,
	type QueryResult,
	type RootOperationNode,
	sql,
	type UnknownRow,
	type ValueNode
} from 'kysely';

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

class BooleanToInteger extends OperationNodeTransformer {
	protected override transformValue(node: ValueNode): ValueNode {
		const out = super.transformValue(node);
		return typeof out.value === 'boolean' ? { ...out, value: out.value ? 1 : 0 } : out;
	}
	protected override transformPrimitiveValueList(
		node: PrimitiveValueListNode
	): PrimitiveValueListNode {
		const out = super.transformPrimitiveValueList(node);
		return {
			...out,
			values: out.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))
		};
	}
}

/** better-sqlite3 cannot bind booleans: write them as 0/1 (what SQLite stores anyway). */
export class SqliteBooleanPlugin implements KyselyPlugin {
	readonly #transformer = new BooleanToInteger();
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return this.#transformer.transformNode(args.node);
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}
