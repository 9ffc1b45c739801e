/**
 * Kubernetes object names (k8s.io/apimachinery/pkg/util/validation): a DNS-1123 label
 * (namespaces; at most 63 characters, no dots) or a DNS-1123 subdomain (PVCs, classes,
 * Deployments; at most 253 characters, dot-separated labels). Checked before any name
 * reaches kubectl, so a typo is explained here and not by an API error.
 */

export type NameKind = 'label' | 'subdomain';

export type NameProblem =
  | { code: 'empty' }
  | { code: 'too-long'; length: number; max: number }
  | { code: 'uppercase'; char: string }
  | { code: 'bad-char'; char: string }
  | { code: 'dot-in-label' }
  | { code: 'bad-start'; char: string }
  | { code: 'bad-end'; char: string }
  | { code: 'empty-part' };

const nameMaxLength: Record<NameKind, number> = { label: 63, subdomain: 253 };

const labelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const subdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The first thing wrong with `value` as a name of this kind, or undefined when it is valid. */
export function nameProblem(value: string, kind: NameKind): NameProblem | undefined {
  if (value.length === 0) return { code: 'empty' };
  const max = nameMaxLength[kind];
  const pattern = kind === 'label' ? labelPattern : subdomainPattern;
  if (pattern.test(value)) return value.length > max ? { code: 'too-long', length: value.length, max } : undefined;

  // Explain the first offending character rather than print the regular expression.
  for (const char of value) {
    if (/[A-Z]/.test(char)) return { code: 'uppercase', char };
    if (char === '.' && kind === 'label') return { code: 'dot-in-label' };
    if (!/[-a-z0-9.]/.test(char)) return { code: 'bad-char', char };
  }
  const parts = kind === 'label' ? [value] : value.split('.');
  for (const part of parts) {
    if (part.length === 0) return { code: 'empty-part' };
    const first = part[0] ?? '';
    const last = part[part.length - 1] ?? '';
    if (!/[a-z0-9]/.test(first)) return { code: 'bad-start', char: first };
    if (!/[a-z0-9]/.test(last)) return { code: 'bad-end', char: last };
  }
  /* c8 ignore next: every way of failing the pattern is named above */
  return { code: 'bad-char', char: value };
}
