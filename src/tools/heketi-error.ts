/** Why a Heketi request gave no usable answer. */
export type HeketiErrorKind = 'unreachable' | 'auth' | 'http';

/**
 * 'unreachable': nothing answered (refused, no route, timed out); 'auth': 401 from the
 * JWT middleware (wrong key or user, clock skew); 'http': any other non-2xx status,
 * or a body that is not what the endpoint documents. `body` is Heketi's own text.
 */
export class HeketiError extends Error {
  override readonly name = 'HeketiError';
  constructor(
    readonly kind: HeketiErrorKind,
    readonly method: string,
    readonly url: string,
    readonly status: number | undefined,
    readonly body: string,
    /** Network error code for 'unreachable' (ECONNREFUSED, EHOSTUNREACH, ETIMEDOUT, ...). */
    readonly code?: string,
  ) {
    super(`${method} ${url}: ${kind}${status === undefined ? '' : ` (HTTP ${status})`}${code ? ` ${code}` : ''}${body ? `: ${body}` : ''}`);
  }
}
