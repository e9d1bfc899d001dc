import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEO4J_TEST_PASSWORD, NEO4J_TEST_USER, type Neo4jVersion } from './versions.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface RunningNeo4j {
  version: string;
  /** `bolt://127.0.0.1:PORT`; `uri(scheme)` gives the routing form. */
  boltUri: string;
  uri(scheme: 'bolt' | 'neo4j'): string;
  user: string;
  password: string;
  /** From spawn to the ready line, in ms. */
  startupMs: number;
  pid: number;
  /** SIGTERM, then waits for the exit: resolves with how the process ended. */
  stop(): Promise<Neo4jExit>;
}

export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Every database closed before the exit (the server said NEO4J_STOPPED). */
  clean: boolean;
}

/**
 * Why the Neo4j suites cannot run on this machine, or null when they can:
 * the test server needs `java` (and, for the newer version, a Java 21+ JDK) and `mvn`.
 */
export function neo4jUnavailableReason(versions: Neo4jVersion[]): string | null {
  const missing: string[] = [];
  if (!onPath('java')) missing.push('`java` is not on the PATH');
  if (!onPath('mvn')) missing.push('`mvn` is not on the PATH');
  for (const v of versions) {
    if (v.javaHome && !existsSync(join(v.javaHome, 'bin', 'java'))) missing.push(`Neo4j ${v.version} needs Java 21 or later, and ${v.javaHome}/bin/java is missing (set NEO4J_JAVA_HOME)`);
  }
  return missing.length ? `${missing.join('; ')}, so no Neo4j test server can be started here` : null;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The jars of one Neo4j version, resolved from Maven Central by test/neo4j/pom.xml (cached in ~/.m2). */
export function neo4jClasspath(version: string): string {
  const dir = join(HERE, 'target');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `classpath-${version}.txt`);
  if (!existsSync(file)) {
    execFileSync('mvn', ['-q', '-B', '-f', join(HERE, 'pom.xml'), `-Dneo4j.version=${version}`, 'dependency:build-classpath', `-Dmdep.outputFile=${file}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return readFileSync(file, 'utf8').trim();
}

export interface StartOptions {
  port?: number;
  /** Keep the database here; default: a temporary folder removed at shutdown. */
  dataDir?: string;
  password?: string;
  heap?: string;
  pagecacheMb?: number;
  /** Where the server's own output goes besides the ready line; default: dropped unless it fails. */
  log?: (line: string) => void;
}

/** Starts a real Neo4j of one version on a free loopback port; resolves once Bolt answers. */
export async function startNeo4j(v: Neo4jVersion, options: StartOptions = {}): Promise<RunningNeo4j> {
  const classpath = neo4jClasspath(v.version);
  const java = v.javaHome ? join(v.javaHome, 'bin', 'java') : 'java';
  const password = options.password ?? NEO4J_TEST_PASSWORD;
  const args = [
    `-Xms${options.heap ?? '512m'}`,
    `-Xmx${options.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    // Neo4j's own launcher passes these; without them newer JDKs warn on every start.
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    classpath,
    join(HERE, 'Neo4jTestServer.java'),
    '--password',
    password,
    '--pagecache',
    String(options.pagecacheMb ?? 256),
    ...(options.port ? ['--port', String(options.port)] : []),
    ...(options.dataDir ? ['--data', options.dataDir] : []),
    ...v.settings.flatMap((setting) => ['--setting', setting]),
  ];
  const started = performance.now();
  const child = spawn(java, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(v.javaHome ? { JAVA_HOME: v.javaHome } : {}) },
  });
  const boltUri = await waitForReady(child, options.log);
  const startupMs = performance.now() - started;
  let clean = false;
  child.stdout!.on('data', (chunk: Buffer) => void (clean ||= /^NEO4J_STOPPED$/m.test(chunk.toString())));
  // 'close', not 'exit': the last output (NEO4J_STOPPED) may still be in the pipe at exit.
  const exited = new Promise<Neo4jExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, clean })));
  return {
    version: v.version,
    boltUri,
    uri: (scheme) => boltUri.replace(/^bolt:/, `${scheme}:`),
    user: NEO4J_TEST_USER,
    password,
    startupMs,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function waitForReady(child: ChildProcess, log?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim() && log) log(line);
      const ready = /NEO4J_READY (bolt:\/\/\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Neo4j exited (${code}) before it was ready:\n${output.slice(-4000)}`)));
    child.once('error', reject);
  });
}
