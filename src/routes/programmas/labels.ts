import { m } from '$lib/paraglide/messages';

/** A programme's phase in words. */
export const phaseName = (phase: 'planned' | 'running' | 'finished') =>
	phase === 'planned'
		? m.prog_phase_planned()
		: phase === 'running'
			? m.prog_phase_running()
			: m.prog_phase_finished();
