import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Heketi's request signing (heketi/heketi client/api/go-client/client.go `setToken`,
 * checked by middleware/jwt.go): an HS256 JWT signed with the user's key, claims
 * `iss` (user name: "admin" or "user"), `iat`, `exp` (5 minutes later) and `qsh`,
 * the hex SHA-256 of `METHOD&PATH` (path without the query), sent as
 * `Authorization: bearer TOKEN`.
 */
export function heketiQsh(method: string, path: string): string {
  // The client sends the method in capitals, so it signs it so too.
  return qshOf(method.toUpperCase(), path);
}

const TOKEN_LIFETIME_S = 5 * 60;
/** Heketi accepts an `iat` up to this far in the future (HEKETI_JWT_IAT_LEEWAY_SECONDS). */
const IAT_LEEWAY_S = 120;

export function heketiToken(user: string, key: string, method: string, path: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({ iss: user, iat: nowSeconds, exp: nowSeconds + TOKEN_LIFETIME_S, qsh: heketiQsh(method, path) }),
  );
  return `${header}.${claims}.${sign(`${header}.${claims}`, key)}`;
}

export type HeketiAuthResult = { ok: true; issuer: string } | { ok: false; status: 400 | 401; message: string };

/** The keys Heketi checks tokens with (heketi.json `jwt.admin.key`, `jwt.user.key`); the lab sets no user key. */
export interface HeketiKeys {
  admin: string;
  user?: string;
}

/**
 * Checks an Authorization header as Heketi's middleware/jwt.go does (auth0's FromAuthHeader,
 * golang-jwt v3's ParseWithClaims with HeketiJwtClaims.Valid), with its status codes and
 * error sentences: the one checker for the simulated Heketi and for the client's tests.
 * `method` is the request's method as received: Heketi hashes `r.Method` unchanged.
 */
export function verifyHeketiAuthorization(
  header: string | undefined,
  keys: HeketiKeys,
  method: string,
  path: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): HeketiAuthResult {
  if (header === undefined || header === '') return { ok: false, status: 401, message: 'Required authorization token not found' };
  const fields = header.trim().split(/\s+/);
  if (fields.length !== 2 || fields[0]?.toLowerCase() !== 'bearer') {
    return { ok: false, status: 400, message: 'Authorization header format must be Bearer {token}' };
  }
  const segments = (fields[1] ?? '').split('.');
  if (segments.length !== 3) return invalid('token contains an invalid number of segments');
  const [encodedHeader, encodedClaims, signature] = segments as [string, string, string];
  const head = decodeSegment(encodedHeader);
  const claims = decodeSegment(encodedClaims);
  if (!head || !claims) return invalid('invalid character looking for beginning of value');
  const alg = head.alg;
  if (typeof alg !== 'string' || !/^HS(256|384|512)$/.test(alg)) return invalid(`Unexpected signing method: ${String(alg)}`);
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  if (issuer === '') return invalid('Token missing iss claim');
  const key = issuer === 'admin' ? keys.admin : issuer === 'user' ? keys.user : undefined;
  if (key === undefined) return invalid('Unknown user');
  // golang-jwt reports a bad signature over any claim error: it is checked last and wins.
  if (!sameSignature(sign(`${encodedHeader}.${encodedClaims}`, key, `sha${alg.slice(2)}`), signature)) {
    return invalid('signature is invalid (client and server secrets may not match)');
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const iat = typeof claims.iat === 'number' ? claims.iat : 0;
  // Valid() checks exp, then iat; the error Heketi prints is the last one found.
  if (nowSeconds < iat - IAT_LEEWAY_S) return invalid('Token used before issued (client and server clocks may differ)');
  if (exp === 0 || nowSeconds > exp) return invalid(`Token is expired by ${goDuration(nowSeconds - exp)}`);
  if (claims.qsh !== qshOf(method, path)) return { ok: false, status: 401, message: 'Invalid qsh claim in token' };
  return { ok: true, issuer };
}

function invalid(reason: string): HeketiAuthResult {
  return { ok: false, status: 401, message: `Invalid JWT token: ${reason}` };
}

function qshOf(method: string, path: string): string {
  return createHash('sha256').update(`${method}&${path}`).digest('hex');
}

/** Go's time.Duration String() for whole seconds: 5s, 1m0s, 2h3m4s. */
function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sign(input: string, key: string, algorithm = 'sha256'): string {
  return createHmac(algorithm, key).update(input).digest('base64url');
}

function sameSignature(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
