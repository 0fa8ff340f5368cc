import type { Generated } from 'kysely';

/** E-mail domains whose verified addresses become members without waiting for an admin. */
export interface DomainAllowlistTable {
	id: string;
	/** Lower-case, ASCII (punycode) host name, e.g. 'kvk.nl'; subdomains match too. */
	domain: string;
	note: Generated<string>;
	created_by: string | null;
	created_at: Generated<string>;
}

export type ApplicationDecision = 'approved' | 'rejected';

/** One per applicant: what they told us, and what was decided (null while it waits). */
export interface ApplicationTable {
	id: string;
	user_id: string;
	motivation: Generated<string>;
	organisation_name_new: string | null;
	organisation_type_new: string | null;
	organisation_province_new: string | null;
	decided_by: string | null;
	decided_at: string | null;
	decision: ApplicationDecision | null;
	reason: string | null;
	created_at: Generated<string>;
}

/** Who did what, when: every admin action and every decision the system took on its own. */
export interface AuditLogTable {
	id: string;
	/** Null for the system (e.g. an automatic approval) or an actor whose account is gone. */
	actor_id: string | null;
	action: string;
	subject_type: string;
	subject_id: string | null;
	/** JSON text; never personal data (names and addresses are looked up, so erasure reaches them). */
	details: Generated<string>;
	created_at: Generated<string>;
}
