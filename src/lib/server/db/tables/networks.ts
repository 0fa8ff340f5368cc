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
	/** Who created it (null: seeded, or the creator's account is gone). */
	created_by: Generated<string | null>;
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

export type NetworkMemberRole = 'member' | 'coordinator';
export type NetworkMemberStatus = 'active' | 'requested';

export interface NetworkMemberTable {
	network_id: string;
	user_id: string;
	role: Generated<NetworkMemberRole>;
	status: Generated<NetworkMemberStatus>;
	message: Generated<string>;
	created_at: Generated<string>;
	decided_at: string | null;
	decided_by: string | null;
}

export interface NetworkInvitationTable {
	id: string;
	network_id: string;
	email: string;
	token_hash: string;
	invited_by: string | null;
	message: Generated<string>;
	created_at: Generated<string>;
	expires_at: string;
	accepted_at: string | null;
	accepted_by: string | null;
}
