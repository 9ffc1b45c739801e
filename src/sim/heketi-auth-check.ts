import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface HeketiKeys {
  admin: string;
  user?: string;
}

/** Heketi's clock-skew allowance for `iat` (middleware/jwt.go, iatLeeway). */
const IAT_LEEWAY_S = 120;

/**
 * Checks a request's bearer token the way Heketi's JWT middleware does and returns
 * Heketi's error text (sent with 401) or undefined when the request may pass.
 */
export function checkHeketiAuth(authorization: string | undefined, method: string, path: string, keys: HeketiKeys, nowS = Math.floor(Date.now() / 1000)): string | undefined {
  if (authorization === undefined || authorization === '') return 'Required authorization token not found';
  const match = /^bearer\s+(.*)$/i.exec(authorization);
  if (!match) return 'Authorization header format must be Bearer {token}';
  const parts = (match[1] ?? '').split('.');
  if (parts.length !== 3) return 'Invalid JWT token: token contains an invalid number of segments';
  const [head, body, signature] = parts as [string, string, string];
  const header = decodeJson(head);
  const claims = decodeJson(body);
  if (!header || !claims) return 'Invalid JWT token: invalid character looking for beginning of value';
  if (typeof header.alg !== 'string' || !/^HS(256|384|512)$/.test(header.alg)) return `Invalid JWT token: Unexpected signing method: ${String(header.alg)}`;
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  if (issuer === '') return 'Invalid JWT token: Token missing iss claim';
  const key = issuer === 'admin' ? keys.admin : issuer === 'user' ? keys.user : undefined;
  if (key === undefined) return 'Invalid JWT token: Unknown user';
  const algorithm = `sha${header.alg.slice(2)}`;
  const expected = createHmac(algorithm, key).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'Invalid JWT token: signature is invalid (client and server secrets may not match)';
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (exp === 0 || nowS > exp) return `Invalid JWT token: Token is expired by ${Math.max(0, nowS - exp)}s`;
  const iat = typeof claims.iat === 'number' ? claims.iat : 0;
  if (nowS < iat - IAT_LEEWAY_S) return 'Invalid JWT token: Token used before issued (client and server clocks may differ)';
  if (claims.qsh !== qsh(method, path)) return 'Invalid qsh claim in token';
  return undefined;
}

/** Heketi's query-string hash: SHA-256 of `METHOD&PATH`, hex. */
export function qsh(method: string, path: string): string {
  return createHash('sha256').update(`${method}&${path}`).digest('hex');
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
