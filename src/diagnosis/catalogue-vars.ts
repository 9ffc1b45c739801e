import { defaultHostOnlyRange } from '../host/networks-conf.js';
import { loadLabConfig } from '../lab/config.js';
import type { LabConfig } from '../lab/config-schema.js';
import { seedNetwork } from '../lab/defaults.js';

/**
 * Values a catalogue text may name as `{name}`, filled from the lab the caller knows:
 * - `{labRange}`: the /24 network(s) of the lab's machine addresses, as networks.conf lists
 *   them (`A.B.C.0/24`; several separated by spaces if the machines span several).
 * - `{defaultRange}`: VirtualBox's own host-only range without networks.conf (192.168.56.0/21).
 *   A networks.conf line must keep it: the file replaces the default, not adds to it.
 */
export interface CatalogueVars {
  labRange: string;
  defaultRange: string;
}

const catalogueVarNames: readonly (keyof CatalogueVars)[] = ['labRange', 'defaultRange'];

/** The values for this lab. */
export function labVars(config: Pick<LabConfig, 'machines'>): CatalogueVars {
  const networks = [...new Set(config.machines.map((m) => `${m.address.split('.').slice(0, 3).join('.')}.0/24`))];
  return { labRange: networks.join(' '), defaultRange: defaultHostOnlyRange };
}

/**
 * The fallback when no lab is known (a log diagnosed outside a lab directory). The only
 * catalogue text that names `{labRange}` is VirtualBox's host-only refusal, which the default
 * lab (inside 192.168.56.0/21) never meets: a lab that does is most likely on the original
 * guide's network, the one outside network the README documents (`init --network`).
 */
const fallbackVars: CatalogueVars = { labRange: seedNetwork, defaultRange: defaultHostOnlyRange };

/** The values for the lab at `labDir`, or the fallback when there is none or it cannot be read. */
export async function labVarsAt(labDir: string): Promise<CatalogueVars> {
  return loadLabConfig(labDir).then(labVars, () => fallbackVars);
}

/**
 * `text` with each `{name}` of a known variable replaced. Other braces stay as written
 * (`securityContext: {supplementalGroups: [2000]}` is YAML in a fix, not a placeholder).
 */
export function fillCatalogueText(text: string, vars: Partial<CatalogueVars> = {}): string {
  const values: CatalogueVars = { ...fallbackVars, ...vars };
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => ((catalogueVarNames as readonly string[]).includes(name) ? values[name as keyof CatalogueVars] : whole));
}
