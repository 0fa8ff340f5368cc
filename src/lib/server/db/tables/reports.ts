import type { Generated } from 'kysely';

export type ReportSubject = 'thread' | 'reply' | 'message';

/** A member's report of a post or message to the admins. */
export interface ReportTable {
	id: string;
	subject_type: ReportSubject;
	subject_id: string;
	reporter_id: string | null;
	reason: string;
	created_at: Generated<string>;
	resolved_at: string | null;
	resolved_by: string | null;
	resolution: string | null;
}
