import type { Migration } from 'kysely';
import * as m20261129_1100 from './2026_11_29_1100_reference_and_people';

/**
 * Every migration, by its timestamped name. Listed statically so the bundled app and the CLI
 * run the same set. Never edit a migration once it has landed: add a new one.
 */
export const migrations: Record<string, Migration> = {
	'2026_11_29_1100_reference_and_people': m20261129_1100
};
