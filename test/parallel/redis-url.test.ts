/** Redis URLs without a server: passwords never shown, an unreachable Redis is exit 2 within 5 s. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact, redisTarget } from '../../src/parallel/redis/url.js';
import { cli } from '../helpers/cli.js';
import { freePort } from '../helpers/redis.js';

test('redact hides passwords of redis:// and rediss:// URLs', () => {
  assert.equal(redact('redis://:s3cret@host:6379/0'), 'redis://:***@host:6379/0');
  assert.equal(
    redact('rediss://user:p%40ss@cache.example.com:6380'),
    'rediss://user:***@cache.example.com:6380',
  );
  assert.equal(redact('redis://tokenonly@host'), 'redis://***@host');
  assert.equal(redact('redis://host:6379'), 'redis://host:6379');
  assert.equal(redisTarget(undefined, { CSCSIM_REDIS: 'rediss://:x@h:1' })?.tls, true);
  assert.equal(redisTarget(undefined, {}), undefined);
  assert.throws(
    () => redisTarget('http://:pw@h'),
    (e: Error) => e.name === 'UsageError' && !e.message.includes('pw'),
  );
});

test('an unreachable Redis exits 2 within 5 s, naming the URL with its password redacted', async () => {
  const port = await freePort();
  const url = `redis://:s3cret@127.0.0.1:${port}`;
  for (const argv of [
    ['trial', 'b47', '--patients', '10', '--redis', url],
    ['worker', '--redis', url],
  ]) {
    const t0 = Date.now();
    const r = await cli(...argv);
    assert.equal(r.code, 2, r.err);
    assert.ok(Date.now() - t0 < 5000, `${argv[0]} took ${Date.now() - t0} ms`);
    assert.match(r.err, new RegExp(`cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
    assert.ok(!r.err.includes('s3cret'), r.err);
  }
});
