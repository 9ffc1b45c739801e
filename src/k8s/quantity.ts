/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource, `Quantity`):
 *
 *   <quantity> ::= <signedNumber><suffix>
 *   <number>   ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>   ::= Ki | Mi | Gi | Ti | Pi | Ei | m | "" | k | M | G | T | P | E | e<signedNumber> | E<signedNumber>
 *
 * A storage request must also be greater than zero (the API server's PVC validation), and
 * here at least 1Mi: a bare `10` is ten bytes, which no one means for a volume (Heketi
 * rounds every volume up to whole GiB anyway), so it is refused with the size meant.
 */

type QuantityProblem =
  | { code: 'empty' }
  | { code: 'not-a-number' }
  | { code: 'negative' }
  | { code: 'zero' }
  | { code: 'too-small'; bytes: number; suggestion: string }
  | { code: 'unknown-suffix'; suffix: string; hint?: string };

export interface Quantity {
  /** As the user wrote it, trimmed: sent to Kubernetes unchanged. */
  text: string;
  /** Its value in bytes (approximate above 2^53, which no lab reaches). */
  bytes: number;
}

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Suffixes people type from other tools, with the Kubernetes spelling they meant. */
const lookalikes: Record<string, string> = {
  GB: 'G', MB: 'M', KB: 'k', TB: 'T', K: 'k', Kb: 'k', kB: 'k',
  GiB: 'Gi', MiB: 'Mi', KiB: 'Ki', TiB: 'Ti', gi: 'Gi', mi: 'Mi', g: 'G', gb: 'G',
};

const shape = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/;
const exponent = /^[eE]([+-]?\d+)$/;

/** The smallest claim accepted: 1Mi. */
const minimumBytes = 2 ** 20;

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; problem: QuantityProblem };

/** Parses a storage size such as `10Gi`, `1.5Gi`, `500Mi` or `1e9`. */
export function parseStorageQuantity(input: string): QuantityResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, problem: { code: 'empty' } };
  const match = shape.exec(text);
  if (!match) return { ok: false, problem: { code: 'not-a-number' } };
  const [, sign = '', digits = '', suffix = ''] = match;
  const number = Number(digits);

  let multiplier: number | undefined = binary[suffix] ?? decimal[suffix];
  const exp = exponent.exec(suffix);
  if (multiplier === undefined && exp) multiplier = 10 ** Number(exp[1]);
  if (multiplier === undefined) {
    const hint = lookalikes[suffix];
    return { ok: false, problem: hint ? { code: 'unknown-suffix', suffix, hint } : { code: 'unknown-suffix', suffix } };
  }
  if (sign === '-' && number !== 0) return { ok: false, problem: { code: 'negative' } };
  const bytes = number * multiplier;
  if (!(bytes > 0)) return { ok: false, problem: { code: 'zero' } };
  if (bytes < minimumBytes) return { ok: false, problem: { code: 'too-small', bytes, suggestion: suffix === 'k' || suffix === 'Ki' ? `${digits}Mi` : `${bytes}Gi` } };
  return { ok: true, quantity: { text, bytes } };
}

/** Bytes as a short binary figure for people: `10.0 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
