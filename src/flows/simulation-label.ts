import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';

/** The simulation marker's text under `demo`; undefined for a real lab (screens then show no banner). */
export function simulationLabel(ctx: Pick<AppContext, 'simulation' | 'lang'>): string | undefined {
  return ctx.simulation ? translator(wizardMessages, ctx.lang)('simulation') : undefined;
}
