/**
 * Benchmark (a script, not a test): median of N rounds of `lab up` + `lab down` against raw `terraform init` +
 * `apply` + `destroy` of the same synthesized stacks, on one moto server; plus `lab check` wall time with the stack
 * up, and the harness's peak memory.
 *   npm run bench [-- --rounds 3] [-- --json]
 * With --json the last line is one JSON object: { harnessSeconds, rawSeconds, ratio, peakRssMb, checkSeconds, ... }.
 * Where a Docker engine answers, each round also runs `lab up` + `lab down` on --target moto-container with the
 * locally built moto image (scripts/build-emulator-image.sh): containerSeconds, containerRatio (to harnessSeconds)
 * and containerPeakMb (the container's cgroup memory peak). --no-container skips it.
 * `runAllSeconds` is one `lab run all` on a copy of the shipped journal (round 1), and `runAllRatio` that over the
 * median `lab up` + `lab down`: what collecting, judging and writing add once the local labs overlap the deploy.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startMotoServer, stopMotoServer } from '../src/targets/moto-server.ts';
import { emulatorCredentials } from '../src/targets/emulator-credentials.ts';
import { generateAlbCertificate } from '../src/certs/alb-certificate.ts';
import { synthesizeTwoTier } from '../src/engine/synth.ts';
import { createStateBucket, deleteStateBucket } from '../src/engine/state-bucket.ts';
import { findEngine } from '../src/toolchain/engine.ts';
import { findProviderMirror } from '../src/toolchain/provider-mirror.ts';
import { writeCliConfig } from '../src/toolchain/cli-config.ts';
import { STACK_ORDER } from '../stacks/target-context.ts';
import { checkDocker } from '../src/toolchain/checks/docker.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, 'no-container': { type: 'boolean', default: false } } });
const rounds = Math.max(1, Number(values.rounds));
const log = (line: string) => { if (!values.json) console.log(line); else process.stderr.write(line + '\n'); };
const work = mkdtempSync(path.join(os.tmpdir(), 'jl-bench-'));
const moto = await startMotoServer(path.join(work, 'moto.log'));
// Ctrl-C: stop the emulator this script started (the children die with it), then exit.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopMotoServer(moto.pid).finally(() => process.exit(130)));
}
const target = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { ...emulatorCredentials } };
const engine = await findEngine();
const cliConfig = await writeCliConfig(work, await findProviderMirror());
const journal = path.resolve('journals/journal-week.md');

/** Runs a command to completion; for the harness, polls its peak RSS (VmHWM) while it runs. */
function timed(cmd: string, args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakKb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch { /* exited */ }
    }, 100);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakKb, stdout });
    });
  });
}

async function harnessRound(round: number, measureCheck: boolean) {
  const env = { LAB_HOME: path.join(work, `home-${round}`) };
  const up = await timed(process.execPath, ['bin/lab.js', 'up', '--endpoint', moto.endpoint, '--json'], undefined, env);
  const checks: number[] = [];
  if (measureCheck) {
    for (let i = 0; i < 3; i++) checks.push((await timed(process.execPath, ['bin/lab.js', 'check', 'two-tier', '--journal', journal, '--no-write', '--json'], undefined, env)).seconds);
  }
  const down = await timed(process.execPath, ['bin/lab.js', 'down', '--json'], undefined, env);
  return { seconds: up.seconds + down.seconds, peakKb: Math.max(up.peakKb, down.peakKb), checks };
}

/** `lab run all` as `npm start` runs it, on a copy of the shipped journal, against the same moto. */
async function runAllRound(round: number) {
  const copy = path.join(work, `journal-${round}.md`);
  copyFileSync(journal, copy);
  const env = { LAB_HOME: path.join(work, `run-all-${round}`) };
  return (await timed(process.execPath, ['bin/lab.js', 'run', 'all', '--endpoint', moto.endpoint, '--journal', copy, '--json'], undefined, env)).seconds;
}

async function rawRound(round: number) {
  const runId = `raw${round}${Date.now().toString(36).slice(-4)}`;
  const dir = path.join(work, `raw-${round}`);
  const cert = await generateAlbCertificate(path.join(dir, 'secrets'), `jl-${runId}.journal-lab.internal`);
  const stateBucket = `journal-lab-state-${runId}`;
  const stacks = await synthesizeTwoTier(path.join(dir, 'out'), { target: 'moto', ...target, emulatorCredentials: target.credentials, runId, stateBucket }, { certificatePath: cert.certificatePath, privateKeyPath: cert.privateKeyPath });
  await createStateBucket(target, stateBucket, runId);
  const env = { TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const tf = (stack: string, ...args: string[]) => timed(engine.path, args, stacks.find((s) => s.name === stack)!.dir, env);
  let seconds = 0;
  for (const stack of STACK_ORDER) seconds += (await tf(stack, 'init', '-input=false', '-no-color')).seconds;
  for (const stack of STACK_ORDER) seconds += (await tf(stack, 'apply', '-auto-approve', '-input=false', '-no-color')).seconds;
  for (const stack of [...STACK_ORDER].reverse()) seconds += (await tf(stack, 'destroy', '-auto-approve', '-input=false', '-no-color')).seconds;
  await deleteStateBucket(target, stateBucket);
  return seconds;
}

/** The local moto image for the container rounds (built when missing), or why there are none. */
async function containerImage(): Promise<{ tag?: string; skipped?: string }> {
  if (values['no-container']) return { skipped: '--no-container' };
  const docker = await checkDocker(process.env);
  if (!docker.found) return { skipped: `no Docker engine (${docker.detail})` };
  try {
    const tag = execFileSync('bash', ['scripts/build-emulator-image.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
    return tag ? { tag } : { skipped: 'the image build printed no tag' };
  } catch (err) {
    return { skipped: `the image build failed: ${err instanceof Error ? err.message.split('\n')[0] : err}` };
  }
}

/** The container's memory peak from its cgroup (v2 memory.peak, v1 memory.max_usage_in_bytes), in kB; 0 if unreadable. */
function containerPeakKb(containerId: string): number {
  const candidates = [
    `/sys/fs/cgroup/system.slice/docker-${containerId}.scope/memory.peak`,
    `/sys/fs/cgroup/docker/${containerId}/memory.peak`,
    `/sys/fs/cgroup/memory/docker/${containerId}/memory.max_usage_in_bytes`,
    `/sys/fs/cgroup/memory/system.slice/docker-${containerId}.scope/memory.max_usage_in_bytes`,
  ];
  for (const file of candidates) {
    try {
      return Math.round(Number(readFileSync(file, 'utf8').trim()) / 1024);
    } catch { /* another cgroup layout */ }
  }
  return 0;
}

/** `lab up` + `lab down` on the container target: the emulator starts and goes with the run, as users run it. */
async function containerRound(round: number, image: string) {
  const home = path.join(work, `container-${round}`);
  const env = { LAB_HOME: home };
  const up = await timed(process.execPath, ['bin/lab.js', 'up', '--target', 'moto-container', '--image', image, '--json'], undefined, env);
  const [runId] = readdirSync(path.join(home, 'runs'));
  const record = JSON.parse(readFileSync(path.join(home, 'runs', runId, 'run.json'), 'utf8'));
  const containerKb = containerPeakKb(record.target.started.containerId);
  const down = await timed(process.execPath, ['bin/lab.js', 'down', '--json'], undefined, env);
  return { seconds: up.seconds + down.seconds, containerKb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const harness: number[] = [];
const raw: number[] = [];
let peakKb = 0;
let checks: number[] = [];
const container: number[] = [];
let containerKb = 0;
const image = await containerImage();
if (image.skipped) log(`container rounds skipped: ${image.skipped}`);
let runAllSeconds = Number.NaN;
try {
  for (let round = 1; round <= rounds; round++) {
    // Alternate which goes first so slow drift on the machine does not favour one side.
    const order = round % 2 === 1 ? ['harness', 'raw'] : ['raw', 'harness'];
    for (const side of order) {
      if (side === 'harness') {
        const h = await harnessRound(round, round === 1);
        harness.push(h.seconds);
        peakKb = Math.max(peakKb, h.peakKb);
        if (h.checks.length) checks = h.checks;
        log(`round ${round}: lab up + lab down ${h.seconds.toFixed(1)} s (peak RSS ${(h.peakKb / 1024).toFixed(0)} MB)`);
        if (round === 1) {
          runAllSeconds = await runAllRound(round);
          log(`round ${round}: lab run all ${runAllSeconds.toFixed(1)} s`);
        }
      } else {
        const r = await rawRound(round);
        raw.push(r);
        log(`round ${round}: raw terraform init + apply + destroy ${r.toFixed(1)} s`);
      }
    }
    if (image.tag) {
      const c = await containerRound(round, image.tag);
      container.push(c.seconds);
      containerKb = Math.max(containerKb, c.containerKb);
      log(`round ${round}: lab up + lab down on moto-container ${c.seconds.toFixed(1)} s (container memory peak ${(c.containerKb / 1024).toFixed(0)} MB)`);
    }
  }
} finally {
  await stopMotoServer(moto.pid);
}
const result = {
  rounds,
  harnessSeconds: Number(median(harness).toFixed(1)),
  rawSeconds: Number(median(raw).toFixed(1)),
  ratio: Number((median(harness) / median(raw)).toFixed(3)),
  peakRssMb: Number((peakKb / 1024).toFixed(0)),
  checkSeconds: Number(median(checks).toFixed(2)),
  runAllSeconds: Number(runAllSeconds.toFixed(1)),
  runAllRatio: Number((runAllSeconds / median(harness)).toFixed(3)),
  harnessRounds: harness.map((s) => Number(s.toFixed(1))),
  rawRounds: raw.map((s) => Number(s.toFixed(1))),
  engine: `${engine.name} ${engine.version}`,
  containerSeconds: container.length ? Number(median(container).toFixed(1)) : null,
  containerRatio: container.length ? Number((median(container) / median(harness)).toFixed(3)) : null,
  containerPeakMb: container.length && containerKb ? Number((containerKb / 1024).toFixed(0)) : null,
  containerRounds: container.map((s) => Number(s.toFixed(1))),
  containerImage: image.tag ?? null,
};
log(`median: harness ${result.harnessSeconds} s, raw terraform ${result.rawSeconds} s, ratio ${result.ratio} (target <= 1.10)`);
log(`lab check two-tier with the stack up: median ${result.checkSeconds} s of ${checks.map((c) => c.toFixed(2)).join(', ')}`);
log(`lab run all ${result.runAllSeconds} s = ${result.runAllRatio} × lab up + lab down (target <= 1.05)`);
log(`harness peak RSS: ${result.peakRssMb} MB (the lab process; terraform's own memory is the same on both sides)`);
if (result.containerSeconds !== null) log(`moto-container (lab up + lab down, container start included): median ${result.containerSeconds} s, ${result.containerRatio}× the harness on a running moto; container memory peak ${result.containerPeakMb ?? '?'} MB`);
if (values.json) console.log(JSON.stringify(result));
