import { open } from 'node:fs/promises';
import { findExecutable } from './which.ts';
import { runBounded } from './run-bounded.ts';

export interface MotoCommand {
  command: string;
  args: string[];
  version?: string;
}

export interface MotoInspection {
  server?: MotoCommand;
  /** Why there is no usable server, or which interpreter was used; for doctor output. */
  detail: string;
}

const VERSION_SNIPPET = "import importlib.metadata as m; print(m.version('moto'))";
// moto.server needs the [server] extras (flask, flask-cors); a bare `pip install moto` imports moto but not these.
const SERVER_SNIPPET = 'import moto.server, flask, flask_cors';

/** The interpreter a console script runs under, from its shebang; undefined for wrappers such as pyenv shims. */
async function shebangInterpreter(script: string): Promise<string[] | undefined> {
  let firstLine = '';
  try {
    const fh = await open(script, 'r');
    try {
      const buf = Buffer.alloc(256);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      firstLine = buf.subarray(0, bytesRead).toString('utf8').split('\n')[0];
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
  if (!firstLine.startsWith('#!') || !/python/.test(firstLine)) return undefined;
  return firstLine.slice(2).trim().split(/\s+/);
}

async function motoVersion(python: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const r = await runBounded(python[0], [...python.slice(1), '-c', VERSION_SNIPPET], { env, timeoutMs: 5000 });
  return r.ok ? r.stdout.trim() || undefined : undefined;
}

/** Finds a way to start moto's standalone server and says why when there is none. */
export async function inspectMoto(env: NodeJS.ProcessEnv = process.env): Promise<MotoInspection> {
  const python3 = findExecutable('python3', env);
  const script = findExecutable('moto_server', env);
  if (script) {
    const python = (await shebangInterpreter(script)) ?? (python3 ? [python3] : undefined);
    const version = python ? await motoVersion(python, env) : undefined;
    return { server: { command: script, args: [], version }, detail: `moto_server console script` };
  }
  if (!python3) return { detail: 'neither moto_server nor python3 is on PATH' };
  const probe = await runBounded(python3, ['-c', SERVER_SNIPPET], { env, timeoutMs: 5000 });
  if (!probe.ok) {
    const why = /No module named '?([\w.]+)'?/.exec(probe.stderr)?.[1];
    return { detail: why ? `python3 cannot import ${why} (moto[server] not installed for ${python3})` : `python3 -c "${SERVER_SNIPPET}" failed: ${probe.failure}` };
  }
  const version = await motoVersion([python3], env);
  return { server: { command: python3, args: ['-m', 'moto.server'], version }, detail: `python3 -m moto.server` };
}

/** `moto_server` on PATH, else `python3 -m moto.server` when moto and its server extras import; undefined otherwise. */
export async function findMotoServer(env: NodeJS.ProcessEnv = process.env): Promise<MotoCommand | undefined> {
  return (await inspectMoto(env)).server;
}
