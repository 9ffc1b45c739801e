import { nameProblem, type NameProblem } from '../k8s/validate-name.js';
import type { Pvc } from '../tools/kubectl-types.js';
import { claimRef } from './lab-claims.js';

/** A claim as the user named it: `ns/name`, or `name` to be looked up in every namespace. */
export interface ClaimArg {
  raw: string;
  namespace?: string;
  name: string;
}

export type ClaimArgProblem =
  | { raw: string; part: 'namespace' | 'name'; value: string; problem: NameProblem }
  | { raw: string; part: 'shape' };

/**
 * Splits and validates every argument before anything reaches kubectl: the namespace is a
 * DNS-1123 label, the claim name a DNS-1123 subdomain. All problems are returned, not the first.
 */
export function parseClaimArgs(args: readonly string[]): { claims: ClaimArg[]; problems: ClaimArgProblem[] } {
  const claims: ClaimArg[] = [];
  const problems: ClaimArgProblem[] = [];
  for (const raw of args) {
    const parts = raw.split('/');
    if (parts.length > 2) {
      problems.push({ raw, part: 'shape' });
      continue;
    }
    const [first = '', second] = parts;
    const namespace = second === undefined ? undefined : first;
    const name = second ?? first;
    const nsProblem = namespace === undefined ? undefined : nameProblem(namespace, 'label');
    const nameIssue = nameProblem(name, 'subdomain');
    if (namespace !== undefined && nsProblem) problems.push({ raw, part: 'namespace', value: namespace, problem: nsProblem });
    if (nameIssue) problems.push({ raw, part: 'name', value: name, problem: nameIssue });
    if (!nsProblem && !nameIssue) claims.push(namespace === undefined ? { raw, name } : { raw, namespace, name });
  }
  return { claims, problems };
}

export type ClaimResolution<C> =
  | { kind: 'found'; arg: ClaimArg; claim: C }
  | { kind: 'not-found'; arg: ClaimArg }
  /** The claim exists but its volume is not GlusterFS: chmod through a pod is not ours to do there. */
  | { kind: 'not-gluster'; arg: ClaimArg; ref: string }
  | { kind: 'ambiguous'; arg: ClaimArg; candidates: string[] };

/**
 * Finds each named claim among the GlusterFS-backed ones. A bare name found in several
 * namespaces is ambiguous: the candidates are listed, none is guessed.
 */
export function resolveClaimArgs<C extends { namespace: string; name: string }>(
  args: readonly ClaimArg[],
  claims: readonly C[],
  allPvcs: readonly Pvc[],
): ClaimResolution<C>[] {
  return args.map((arg) => {
    const matches = claims.filter((c) => c.name === arg.name && (arg.namespace === undefined || c.namespace === arg.namespace));
    if (matches.length > 1) return { kind: 'ambiguous', arg, candidates: matches.map(claimRef) };
    const [claim] = matches;
    if (claim) return { kind: 'found', arg, claim };
    const other = allPvcs.find((p) => p.metadata.name === arg.name && (arg.namespace === undefined || (p.metadata.namespace ?? 'default') === arg.namespace));
    if (other) return { kind: 'not-gluster', arg, ref: claimRef({ namespace: other.metadata.namespace ?? 'default', name: other.metadata.name }) };
    return { kind: 'not-found', arg };
  });
}
