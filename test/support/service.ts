import { spawn, type ChildProcess } from 'node:child_process';

export interface Service {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
  /** Resolves with its base URL once it says it listens (it prints the port it got). */
  listening: Promise<string>;
}

/** The service as `npm start` runs it (without the web build): its own process, configured only by its environment. */
export function startService(env: Record<string, string>): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let onOutput = () => undefined as void;
  child.stdout!.on('data', (chunk) => ((output += chunk), onOutput()));
  child.stderr!.on('data', (chunk) => ((output += chunk), onOutput()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    onOutput = () => {
      const match = /på (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]!);
    };
    void exited.then((code) => reject(new Error(`the service exited (${code}) before it listened:\n${output}`)));
  });
  // A test that expects the service to fail never awaits `listening`: its rejection is not an error then.
  listening.catch(() => undefined);
  return { child, output: () => output, exited, listening };
}
