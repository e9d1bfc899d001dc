import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` refuses a lock file that lacks any optional dependency of a package.
 * The npm registry reached here publishes @grafeo-db/js's native build only for
 * linux-x64-gnu, so `npm install` leaves the other platforms out of the lock;
 * they are kept in it by hand, as optional entries for their own os/cpu, which
 * npm skips on this machine.
 */
describe('package-lock.json', () => {
  it('lists every optional platform build of @grafeo-db/js, so `npm ci` accepts it', () => {
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
    const optional = Object.keys(lock.packages['node_modules/@grafeo-db/js'].optionalDependencies ?? {});
    const missing = optional.filter((name) => !lock.packages[`node_modules/${name}`]);
    expect(missing, 're-add these after `npm install` dropped them: { version, os, cpu, optional: true }').toEqual([]);
  });
});
