import type { Generated } from 'kysely';

export type FollowTargetType = 'member' | 'organisation' | 'theme' | 'network';

/** A member follows a member, an organisation, a theme or a network: exactly one target column is set. */
export interface FollowTable {
	id: string;
	follower_id: string;
	target_type: FollowTargetType;
	member_id: string | null;
	organisation_id: string | null;
	theme_id: string | null;
	network_id: string | null;
	created_at: Generated<string>;
}

export type ContactRequestStatus = 'pending' | 'accepted' | 'declined';

/** One member asks another for contact; at most one pending request per pair. */
export interface ContactRequestTable {
	id: string;
	from_id: string;
	to_id: string;
	message: string;
	status: Generated<ContactRequestStatus>;
	created_at: Generated<string>;
	decided_at: string | null;
}

/** A private conversation of two members, in id order; null once a member's account is erased. */
export interface ConversationTable {
	id: string;
	member_a_id: string | null;
	member_b_id: string | null;
	created_at: Generated<string>;
	last_message_at: Generated<string>;
}

/** Plain text; the sender is null once their account is erased ("voormalig lid"). */
export interface MessageTable {
	id: string;
	conversation_id: string;
	sender_id: string | null;
	body: string;
	created_at: Generated<string>;
}

/** A member's read state of one conversation. */
export interface ConversationReadTable {
	conversation_id: string;
	user_id: string;
	/** The time of the newest message they have seen; null: nothing yet. */
	last_read_at: string | null;
	/** A new-message mail went out and they have not looked since: no further mail until they do. */
	mail_pending: Generated<boolean | number>;
}

export interface BlockTable {
	blocker_id: string;
	blocked_id: string;
	created_at: Generated<string>;
}
