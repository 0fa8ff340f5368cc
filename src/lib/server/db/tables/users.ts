import type { Generated } from 'kysely';

export type UserRole = 'member' | 'editor' | 'admin';
export type UserStatus = 'applicant' | 'active' | 'suspended';

/** People. The columns better-auth needs (id, name, email, email_verified, image, timestamps) plus ours. */
export interface UserTable {
	id: string;
	email: string;
	name: string;
	email_verified: boolean | number;
	image: string | null;
	role: UserRole;
	status: UserStatus;
	job_title: string | null;
	organisation_id: string | null;
	province_code: string | null;
	field_role_id: string | null;
	is_demo: boolean | number;
	two_factor_enabled: Generated<boolean | number>;
	suspended_at: Generated<string | null>;
	/** Why an admin suspended the account; the member received it by mail. */
	suspension_reason: Generated<string | null>;
	/** The profile: a short bio, "vraag me over" (what I can help with), "ik zoek". */
	bio: Generated<string | null>;
	ask_me_about: Generated<string | null>;
	looking_for: Generated<string | null>;
	/** Whether other members see the e-mail address on the profile (0/1 in SQLite). */
	show_email: Generated<boolean | number>;
	/** The photo's file name in DATA_DIR/uploads/photos (features/people/photo.ts). */
	photo: Generated<string | null>;
	/** The last request of a signed-in member, updated at most once an hour. */
	last_active_at: Generated<string | null>;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface UserThemeTable {
	user_id: string;
	theme_id: string;
}

/** Sign-in methods in better-auth's shape; provider_id 'credential' holds the password hash. */
export interface AccountTable {
	id: string;
	account_id: string;
	provider_id: string;
	user_id: string;
	password: string | null;
	access_token: string | null;
	refresh_token: string | null;
	id_token: string | null;
	access_token_expires_at: string | null;
	refresh_token_expires_at: string | null;
	scope: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}
