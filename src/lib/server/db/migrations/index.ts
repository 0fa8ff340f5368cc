import type { Migration } from 'kysely';
import * as m20261129_1100 from './2026_11_29_1100_reference_and_people';
import * as m20261129_1200 from './2026_11_29_1200_jobs_and_mail';
import * as m20261129_1201 from './2026_11_29_1201_rate_limits';
import * as m20261129_1300 from './2026_11_29_1300_auth_sessions';
import * as m20261129_1400 from './2026_11_29_1400_membership';
import * as m20261129_1500 from './2026_11_29_1500_api_tokens';
import * as m20261129_1600 from './2026_11_29_1600_member_admin';
import * as m20261129_1601 from './2026_11_29_1601_totp_uses';
import * as m20261129_1700 from './2026_11_29_1700_network_membership';
import * as m20261129_1701 from './2026_11_29_1701_reports';
import * as m20261129_1730 from './2026_11_29_1730_contact';
import * as m20261129_1740 from './2026_11_29_1740_profiles';
import * as m20261129_1800 from './2026_11_29_1800_discussions';
import * as m20261129_1810 from './2026_11_29_1810_network_members_newest';
import * as m20261129_1811 from './2026_11_29_1811_directory_fingerprint';
import * as m20261129_1900 from './2026_11_29_1900_events';
import * as m20261129_1910 from './2026_11_29_1910_knowledge';
import * as m20261129_1920 from './2026_11_29_1920_search';
import * as m20261129_2000 from './2026_11_29_2000_event_followup';
import * as m20261129_2100 from './2026_11_29_2100_knowledge_library_index';
import * as m20261129_2200 from './2026_11_29_2200_programmes';
import * as m20261129_2300 from './2026_11_29_2300_library_speed';
import * as m20261129_2310 from './2026_11_29_2310_member_pages_speed';
import * as m20261130_0100 from './2026_11_30_0100_calendar_version';
import * as m20261130_0200 from './2026_11_30_0200_profile_contributions';
import * as m20261130_0300 from './2026_11_30_0300_programme_search';
import * as m20261130_0400 from './2026_11_30_0400_calendar_rows';

/**
 * Every migration, by its timestamped name. Listed statically so the bundled app and the CLI
 * run the same set. Never edit a migration once it has landed: add a new one.
 */
export const migrations: Record<string, Migration> = {
	'2026_11_29_1100_reference_and_people': m20261129_1100,
	'2026_11_29_1200_jobs_and_mail': m20261129_1200,
	'2026_11_29_1201_rate_limits': m20261129_1201,
	'2026_11_29_1300_auth_sessions': m20261129_1300,
	'2026_11_29_1400_membership': m20261129_1400,
	'2026_11_29_1500_api_tokens': m20261129_1500,
	'2026_11_29_1600_member_admin': m20261129_1600,
	'2026_11_29_1601_totp_uses': m20261129_1601,
	'2026_11_29_1700_network_membership': m20261129_1700,
	'2026_11_29_1701_reports': m20261129_1701,
	'2026_11_29_1730_contact': m20261129_1730,
	'2026_11_29_1740_profiles': m20261129_1740,
	'2026_11_29_1800_discussions': m20261129_1800,
	'2026_11_29_1810_network_members_newest': m20261129_1810,
	'2026_11_29_1811_directory_fingerprint': m20261129_1811,
	'2026_11_29_1900_events': m20261129_1900,
	'2026_11_29_1910_knowledge': m20261129_1910,
	'2026_11_29_1920_search': m20261129_1920,
	'2026_11_29_2000_event_followup': m20261129_2000,
	'2026_11_29_2100_knowledge_library_index': m20261129_2100,
	'2026_11_29_2200_programmes': m20261129_2200,
	'2026_11_29_2300_library_speed': m20261129_2300,
	'2026_11_29_2310_member_pages_speed': m20261129_2310,
	'2026_11_30_0100_calendar_version': m20261130_0100,
	'2026_11_30_0200_profile_contributions': m20261130_0200,
	'2026_11_30_0300_programme_search': m20261130_0300,
	'2026_11_30_0400_calendar_rows': m20261130_0400
};
