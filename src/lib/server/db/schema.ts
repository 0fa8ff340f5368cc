import type { NetworkProvinceTable, NetworkTable, NetworkThemeTable } from './tables/networks';
import type { OrganisationTable } from './tables/organisations';
import type {
	EventFormatTable,
	FieldRoleTable,
	OrganisationTypeTable,
	ProvinceTable,
	ThemeTable
} from './tables/reference';
import type { AccountTable, UserTable, UserThemeTable } from './tables/users';

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
	users: UserTable;
	user_themes: UserThemeTable;
	accounts: AccountTable;
}
