import type { Generated } from 'kysely';

export type NetworkKind = 'thematic' | 'regional' | 'programme_group';
export type NetworkVisibility = 'public' | 'members' | 'private';
export type JoinPolicy = 'open' | 'request' | 'invitation';

export interface NetworkTable {
	id: string;
	slug: string;
	name: string;
	kind: NetworkKind;
	summary: string;
	description: string;
	audience: string;
	visibility: NetworkVisibility;
	join_policy: JoinPolicy;
	position: number;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface NetworkProvinceTable {
	network_id: string;
	province_code: string;
}

export interface NetworkThemeTable {
	network_id: string;
	theme_id: string;
}
