import { programmeFields, programmeSchema } from '$lib/server/features/programmes/schema';
import { networkChoices, referenceChoices } from '$lib/server/features/programmes/queries';

/** What the programme form offers: networks to belong to, provinces and themes. */
export async function formChoices(db: App.Locals['db']) {
	const [networks, reference] = await Promise.all([networkChoices(db), referenceChoices(db)]);
	return { networks: networks.map(({ id, name }) => ({ id, name })), ...reference };
}

/** The posted form checked: the input, or the first field with a problem (and what was posted). */
export async function parseProgrammeForm(request: Request) {
	const fields = programmeFields(await request.formData());
	const parsed = programmeSchema.safeParse(fields);
	if (parsed.success) return { ok: true as const, value: parsed.data, fields };
	const problem = String(parsed.error.issues[0]?.path[0] ?? 'title');
	return { ok: false as const, problem, fields };
}

export const emptyValues = () => ({
	title: '',
	region: '',
	summary: '',
	challenge: '',
	networkId: '',
	visibility: 'members',
	cohortSize: '20',
	enrolmentOpen: true,
	provinceCodes: [] as string[],
	themeIds: [] as string[]
});
