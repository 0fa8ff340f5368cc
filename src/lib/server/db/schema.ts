import type {
	BlockTable,
	ContactRequestTable,
	ConversationReadTable,
	ConversationTable,
	FollowTable,
	MessageTable
} from './tables/contact';
import type { PostRevisionTable, ReplyTable, ThreadTable } from './tables/discussions';
import type {
	EventFeedTokenTable,
	EventProvinceTable,
	EventRegistrationTable,
	EventReminderTable,
	EventSpeakerTable,
	EventTable,
	EventsCalendarVersionTable,
	EventThemeTable
} from './tables/events';
import type {
	EventEvaluationTable,
	EventFollowupTable,
	EventMaterialTable
} from './tables/followup';
import type { JobTable } from './tables/jobs';
import type {
	ProgrammeCoordinatorTable,
	ProgrammeParticipantTable,
	ProgrammeProvinceTable,
	ProgrammeTable,
	ProgrammeThemeTable
} from './tables/programmes';
import type {
	KnowledgeAdoptionTable,
	KnowledgeAttachmentTable,
	KnowledgeCommentTable,
	KnowledgeItemAuthorTable,
	KnowledgeItemOrganisationTable,
	KnowledgeItemProvinceTable,
	KnowledgeItemTable,
	KnowledgeItemThemeTable,
	KnowledgeLibraryVersionTable,
	KnowledgeRelatedTable,
	KnowledgeRevisionTable,
	KnowledgeVoteTable
} from './tables/knowledge';
import type { MailOutboxTable } from './tables/mail';
import type { ApplicationTable, AuditLogTable, DomainAllowlistTable } from './tables/membership';
import type {
	NetworkInvitationTable,
	NetworkMemberTable,
	NetworkProvinceTable,
	NetworkTable,
	NetworkThemeTable
} from './tables/networks';
import type { OrganisationTable } from './tables/organisations';
import type { RateLimitTable } from './tables/rate-limits';
import type { SearchDocumentTable, SearchSynonymTable } from './tables/search';
import type { ReportTable } from './tables/reports';
import type {
	EventFormatTable,
	FieldRoleTable,
	OrganisationTypeTable,
	ProvinceTable,
	ThemeTable
} from './tables/reference';
import type { AccountTable, UserTable, UserThemeTable } from './tables/users';
import type { ApiTokenTable } from './tables/api-tokens';
import type {
	AppSettingTable,
	SessionTable,
	TotpUseTable,
	TwoFactorTable,
	VerificationTable
} from './tables/auth';

/** The one Database interface: every table the app knows, by name. */
export interface Database {
	provinces: ProvinceTable;
	organisation_types: OrganisationTypeTable;
	themes: ThemeTable;
	event_formats: EventFormatTable;
	field_roles: FieldRoleTable;
	organisations: OrganisationTable;
	networks: NetworkTable;
	network_provinces: NetworkProvinceTable;
	network_themes: NetworkThemeTable;
	network_members: NetworkMemberTable;
	network_invitations: NetworkInvitationTable;
	users: UserTable;
	user_themes: UserThemeTable;
	accounts: AccountTable;
	jobs: JobTable;
	mail_outbox: MailOutboxTable;
	rate_limits: RateLimitTable;
	sessions: SessionTable;
	verifications: VerificationTable;
	two_factors: TwoFactorTable;
	totp_uses: TotpUseTable;
	app_settings: AppSettingTable;
	domain_allowlist: DomainAllowlistTable;
	applications: ApplicationTable;
	audit_log: AuditLogTable;
	api_tokens: ApiTokenTable;
	reports: ReportTable;
	follows: FollowTable;
	contact_requests: ContactRequestTable;
	conversations: ConversationTable;
	messages: MessageTable;
	conversation_reads: ConversationReadTable;
	blocks: BlockTable;
	threads: ThreadTable;
	replies: ReplyTable;
	post_revisions: PostRevisionTable;
	knowledge_items: KnowledgeItemTable;
	knowledge_item_themes: KnowledgeItemThemeTable;
	knowledge_item_provinces: KnowledgeItemProvinceTable;
	knowledge_item_organisations: KnowledgeItemOrganisationTable;
	knowledge_item_authors: KnowledgeItemAuthorTable;
	knowledge_revisions: KnowledgeRevisionTable;
	knowledge_comments: KnowledgeCommentTable;
	knowledge_votes: KnowledgeVoteTable;
	knowledge_adoptions: KnowledgeAdoptionTable;
	knowledge_related: KnowledgeRelatedTable;
	knowledge_attachments: KnowledgeAttachmentTable;
	knowledge_library_version: KnowledgeLibraryVersionTable;
	search_documents: SearchDocumentTable;
	search_synonyms: SearchSynonymTable;
	events: EventTable;
	events_calendar_version: EventsCalendarVersionTable;
	event_themes: EventThemeTable;
	event_provinces: EventProvinceTable;
	event_speakers: EventSpeakerTable;
	event_registrations: EventRegistrationTable;
	event_reminders: EventReminderTable;
	event_feed_tokens: EventFeedTokenTable;
	event_followup: EventFollowupTable;
	event_materials: EventMaterialTable;
	event_evaluations: EventEvaluationTable;
	programmes: ProgrammeTable;
	programme_provinces: ProgrammeProvinceTable;
	programme_themes: ProgrammeThemeTable;
	programme_coordinators: ProgrammeCoordinatorTable;
	programme_participants: ProgrammeParticipantTable;
}
