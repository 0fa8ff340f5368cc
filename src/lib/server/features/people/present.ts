import type { Suggestion } from './find';
import type { DirectoryMember, MemberProfile } from './queries';

/**
 * Rows to what pages and the API show. A photo is addressed by its member and a short part of
 * its random file name, so a new photo gets a new address (and browsers never show an old one).
 */
export function photoUrl(memberId: string, photo: string | null | undefined): string | null {
	return photo ? `/leden/${memberId}/foto?v=${photo.slice(0, 8)}` : null;
}

/** A member in the directory (the page's card and the API's list item). */
export function presentDirectoryMember(member: DirectoryMember) {
	return {
		id: member.id,
		name: member.name,
		email: member.email,
		jobTitle: member.jobTitle,
		organisation: member.organisation,
		province: member.province,
		photoUrl: photoUrl(member.id, member.photo),
		themes: member.themes
	};
}

export function presentSuggestion(suggestion: Suggestion) {
	return {
		id: suggestion.id,
		name: suggestion.name,
		jobTitle: suggestion.jobTitle,
		organisation: suggestion.organisation?.name ?? null,
		province: suggestion.province?.name ?? null,
		photoUrl: photoUrl(suggestion.id, suggestion.photo),
		reasons: suggestion.reasons
	};
}

export function presentProfile(profile: MemberProfile) {
	return {
		id: profile.id,
		name: profile.name,
		email: profile.email,
		showsEmail: profile.showsEmail,
		isSelf: profile.isSelf,
		jobTitle: profile.jobTitle,
		photoUrl: photoUrl(profile.id, profile.photo),
		bio: profile.bio,
		askMeAbout: profile.askMeAbout,
		lookingFor: profile.lookingFor,
		organisation: profile.organisation,
		province: profile.province,
		fieldRole: profile.fieldRole,
		themes: profile.themes,
		networks: profile.networks
	};
}

/** A profile as GET /api/v1/members/{id} answers it. */
export function presentProfileForApi(profile: MemberProfile) {
	const { isSelf: _isSelf, showsEmail: _showsEmail, ...rest } = presentProfile(profile);
	return rest;
}
