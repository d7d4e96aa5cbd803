import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorCommand, DOCTOR_CHECKS, renderDoctorReport, runDoctor, type DoctorReport } from '../../src/toolchain/doctor.ts';
import { findExecutable } from '../../src/toolchain/which.ts';
import { pathHiding, tempDir } from './path-helpers.ts';

const CHECK_NAMES = ['node', 'engine', 'provider-mirror', 'moto', 'docker', 'haproxy', 'tcpdump', 'tshark', 'openssl', 'ip', 'iptables', 'net-privileges'];

describe('lab doctor on this machine', () => {
  let report: DoctorReport;
  let code: number;
  let ms: number;
  beforeAll(async () => {
    const printed: string[] = [];
    const t = performance.now();
    code = await doctorCommand({ json: true }, (s) => printed.push(s));
    ms = performance.now() - t;
    report = JSON.parse(printed.join('\n')) as DoctorReport;
  });

  it('prints JSON with one well-formed entry per check', () => {
    expect(report.checks.map((c) => c.name)).toEqual(CHECK_NAMES);
    expect(Object.keys(DOCTOR_CHECKS)).toEqual(CHECK_NAMES);
    for (const c of report.checks) {
      expect(typeof c.found).toBe('boolean');
      expect(typeof c.required).toBe('boolean');
      expect(c.enables.length).toBeGreaterThan(10);
      if (c.found) expect(c.version, c.name).toBeTruthy();
      else expect(c.fix, `${c.name} has no fix`).toBeTruthy();
    }
  });

  it('exit code and ok follow the required checks', () => {
    const requiredMissing = report.checks.some((c) => c.required && !c.found);
    expect(report.ok).toBe(!requiredMissing);
    expect(code).toBe(report.ok ? 0 : 1);
  });

  it('runs well under 3 s', () => {
    expect(ms).toBeLessThan(3000);
  });

  it('reports a Docker client without an engine as unusable, with the reason and how to start it', async () => {
    const client = findExecutable('docker');
    if (!client) {
      console.warn('docker case not exercised here: no docker client');
      return;
    }
    // An engine socket that cannot answer: the case "installed, engine stopped" whether or not one runs here.
    const docker = (await runDoctor({ ...process.env, DOCKER_HOST: 'unix:///nonexistent/journal-lab-no-engine.sock' }, { only: ['docker'] })).checks[0];
    expect(docker.found).toBe(false);
    expect(docker.version).toMatch(/^client /);
    expect(docker.detail).toMatch(findExecutable('dockerd') ? /^Docker is installed \(.*dockerd\) but its engine is stopped: container targets unavailable \(/ : /^client found, no engine: container targets unavailable \(/);
    expect(docker.fix).toMatch(/npm run setup -- --with-docker/);
    expect(docker.fix).toMatch(/dockerd &/);
  });

  it('renders a human table naming every check', () => {
    const text = renderDoctorReport(report);
    for (const name of CHECK_NAMES) expect(text).toMatch(new RegExp(`^\\S+\\s+${name}\\s`, 'm'));
    expect(text.split('\n')[0]).toMatch(report.ok ? /^Ready/ : /^NOT ready/);
  });
});

describe('lab doctor on a machine missing terraform and tshark', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir('doctor')));
  afterAll(() => remove());

  it('reports them found:false with the exact fix, and is not ok', async () => {
    const env = { ...process.env, LAB_ENGINE: undefined, PATH: await pathHiding(['terraform', 'tofu', 'tshark'], dir) };
    const printed: string[] = [];
    const code = await doctorCommand({ json: false }, (s) => printed.push(s), env);
    const report = await runDoctor(env);
    const engine = report.checks.find((c) => c.name === 'engine')!;
    const tshark = report.checks.find((c) => c.name === 'tshark')!;
    expect(engine).toMatchObject({ found: false, required: true, detail: 'Neither terraform nor tofu is on PATH' });
    expect(engine.fix).toMatch(/Install Terraform >= 1\.10/);
    expect(tshark).toMatchObject({ found: false, required: false });
    expect(tshark.fix).toMatch(/apt-get install -y tshark/);
    expect(report.ok).toBe(false);
    expect(code).toBe(1);
    expect(printed.join('\n')).toMatch(/^NOT ready for npm start: missing engine\./);
  });

  it('limits the run to the named checks (a lab\'s tools)', async () => {
    const report = await runDoctor(process.env, { only: ['openssl', 'tcpdump'] });
    expect(report.checks.map((c) => c.name)).toEqual(['tcpdump', 'openssl']);
  });
});
