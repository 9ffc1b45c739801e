import type { upMessages } from '../i18n/up-messages.js';
import type { VmPhase } from './bringup-phases.js';

type UpKey = keyof typeof upMessages.en;

/** The catalogue key that names each phase on screen and in summaries. */
export const phaseLabelKey: Record<VmPhase, UpKey> = {
  queued: 'phaseQueued',
  importing: 'phaseImporting',
  booting: 'phaseBooting',
  ssh: 'phaseSsh',
  folders: 'phaseFolders',
  provisioning: 'phaseProvisioning',
  ready: 'phaseReady',
  failed: 'phaseFailed',
};
