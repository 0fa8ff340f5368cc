import type { Generated } from 'kysely';

export type ProgrammeVisibility = 'public' | 'members';
export type ParticipantStatus = 'enrolled' | 'waitlisted';

/** A regional knowledge programme: a series of sessions (events) with one cohort. */
export interface ProgrammeTable {
	id: string;
	slug: string;
	title: string;
	/** The region it serves, in words ("Regio Zwolle"). */
	region: string;
	summary: string;
	/** The challenge it tackles, as Markdown, and the sanitised HTML rendered from it when written. */
	challenge: Generated<string>;
	challenge_html: Generated<string>;
	/** The regional community it belongs to, if any. */
	network_id: string | null;
	visibility: Generated<ProgrammeVisibility>;
	/** How many participants the cohort takes (about 20). */
	cohort_size: Generated<number>;
	enrolment_open: Generated<boolean | number>;
	/** Bumped by every change of the cohort: taking the programme's write lock. */
	lock_seq: Generated<number>;
	created_by: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface ProgrammeProvinceTable {
	programme_id: string;
	province_code: string;
}

export interface ProgrammeThemeTable {
	programme_id: string;
	theme_id: string;
}

export interface ProgrammeCoordinatorTable {
	programme_id: string;
	user_id: string;
}

/** A member of a programme's cohort, or on its waiting list. */
export interface ProgrammeParticipantTable {
	id: string;
	programme_id: string;
	user_id: string;
	status: ParticipantStatus;
	/** The place in the waiting list's order (waitlisted only): lower goes first. */
	queue_number: number | null;
	created_at: Generated<string>;
	promoted_at: string | null;
}
