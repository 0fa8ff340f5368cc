import { describe, expect, it } from 'vitest';
import { DIALECTS, emptyDatabase } from '../testing/db';
import { checkHealth } from './health';

describe.each(DIALECTS)('health on %s', (dialect) => {
	it('is ok while the database answers and unavailable once it is gone', async () => {
		const handle = await emptyDatabase(dialect);
		expect(await checkHealth(handle.db)).toEqual({ status: 'ok', database: 'ok' });
		await handle.destroy();
		expect(await checkHealth(handle.db)).toEqual({
			status: 'unavailable',
			database: 'unreachable'
		});
	});
});
