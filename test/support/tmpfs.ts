import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  path: string;
  /** Changes the mount's options (`size=4m`, `ro`) in place. */
  remount(options: string): void;
  unmount(): void;
}

/**
 * A small tmpfs, to give the store a full disk or a read-only directory for
 * real. Mounting needs root (CAP_SYS_ADMIN); where that is missing the reason
 * comes back instead, for the test's title.
 */
export function mountTmpfs(options: string): Tmpfs | { unavailable: string } {
  if (process.platform !== 'linux') return { unavailable: `tmpfs needs Linux, not ${process.platform}` };
  if (process.getuid?.() !== 0) return { unavailable: 'mounting a tmpfs needs root' };
  const path = mkdtempSync(join(tmpdir(), 'samverkanskartan-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    return { unavailable: `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}` };
  }
  const run = (...args: string[]) => {
    const result = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  };
  return {
    path,
    remount: (opts) => run('mount', '-o', `remount,${opts}`, path),
    unmount: () => {
      run('umount', path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Whether tmpfs mounts work here, and why not; probed once with a throwaway mount. */
export function tmpfsUnavailable(): string | null {
  const probe = mountTmpfs('size=64k');
  if ('unavailable' in probe) return probe.unavailable;
  probe.unmount();
  return null;
}
