/** Reference tables seeded from the facts in nl-reference.json. */

export interface ProvinceTable {
	code: string;
	name: string;
}

export interface OrganisationTypeTable {
	id: string;
	name: string;
	position: number;
}

export interface ThemeTable {
	id: string;
	name: string;
	position: number;
}

export interface EventFormatTable {
	id: string;
	name: string;
	description: string;
	position: number;
}

export interface FieldRoleTable {
	id: string;
	name: string;
	position: number;
}
