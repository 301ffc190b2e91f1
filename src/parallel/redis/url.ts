/**
 * Redis URLs (redis:// and rediss://, with or without user and password), resolved from --redis or
 * CSCSIM_REDIS. The password never leaves this module except inside the connection options: every
 * message names the URL through `redact`.
 */
import { UsageError } from '../../errors.js';

export interface RedisTarget {
  /** The URL as given (secret: pass only to the client). */
  readonly url: string;
  /** The URL with its password replaced by *** (safe to print). */
  readonly shown: string;
  readonly tls: boolean;
}

/** The URL with any password (and a token-style user without password) replaced by ***. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    else if (u.username) u.username = '***';
    return u.toString();
  } catch {
    // Unparseable: hide everything between the scheme and an @.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** Replaces the URL (and its password) wherever it occurs in a message. */
export function scrub(message: string, target: RedisTarget): string {
  let m = message.split(target.url).join(target.shown);
  const pw = safePassword(target.url);
  if (pw) m = m.split(pw).join('***');
  return m;
}

function safePassword(url: string): string {
  try {
    const u = new URL(url);
    return u.password ? decodeURIComponent(u.password) : '';
  } catch {
    return '';
  }
}

/** The target of `--redis URL` or, when absent, of CSCSIM_REDIS; undefined when neither is set. */
export function redisTarget(option: string | undefined, env = process.env): RedisTarget | undefined {
  const url = option ?? (env.CSCSIM_REDIS || undefined);
  if (url === undefined) return undefined;
  const from = option !== undefined ? '--redis' : 'CSCSIM_REDIS';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`${from}: expected a redis:// or rediss:// URL, got '${redact(url)}'`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new UsageError(`${from}: expected a redis:// or rediss:// URL, got '${redact(url)}'`);
  if (!u.hostname) throw new UsageError(`${from}: the URL '${redact(url)}' names no host`);
  return { url, shown: redact(url), tls: u.protocol === 'rediss:' };
}
