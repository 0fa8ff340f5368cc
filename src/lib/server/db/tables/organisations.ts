import type { Generated } from 'kysely';

export type MunicipalityClass = 'g4' | 'g40';

export interface OrganisationTable {
	id: string;
	slug: string;
	name: string;
	type_id: string;
	province_code: string | null;
	municipality_class: MunicipalityClass | null;
	website: string | null;
	/** 0/1 in SQLite, boolean in PostgreSQL: read it with Boolean(). */
	is_partner: boolean | number;
	partner_position: number | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}
