/** The server as a child process (the bin, as users run it): started on a free port, its first stdout line read. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/ota-expr-server.js', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly devApp?: { appKey: string; appSecret: string };
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

/** Runs the bin to completion: its exit code and output. */
export function runBin(
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the server with `args` (port 0 added) and waits for `listening on …` and the development keys. */
export function startChild(args: readonly string[], timeoutMs = 60_000): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | string>((done) =>
      child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    const check = (): void => {
      const lines = stdout.split('\n');
      const first = /^listening on (http:\/\/\S+)$/.exec(lines[0] ?? '');
      if (first === null) return;
      const wantsKeys = !args.includes('--apps');
      const key = /appKey\s+(\S+)/.exec(stdout)?.[1];
      const secret = /appSecret\s+(\S+)/.exec(stdout)?.[1];
      if (wantsKeys && (key === undefined || secret === undefined || !stdout.endsWith('\n'))) return;
      clearTimeout(timer);
      resolve({
        process: child,
        url: first[1]!,
        stdout: () => stdout,
        stderr: () => stderr,
        ...(key !== undefined && secret !== undefined ? { devApp: { appKey: key, appSecret: secret } } : {}),
        exited,
      });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}
