import path from 'node:path';
import { StageError } from '../../errors.ts';
import { awsLabContext } from '../../run/aws-lab-context.ts';
import { deployRun, tearDownRun, type TeardownReport } from '../../run/deploy-run.ts';
import { collectBeforeDeployment } from '../../run/collect-evidence.ts';
import { gatherEvidence, type GatheredEvidence } from '../../run/gather-evidence.ts';
import { TeardownStack } from '../../run/teardown.ts';
import { failOnCollectorErrors, judgeAndWrite, planJudgement, runJudgement, type JudgePlan } from '../../run/judge-journal.ts';
import { DiskMemo } from '../../run/judgement-memo.ts';
import { labHome, localWorkDir, runDirOf, type RunRecord } from '../../run/run-record.ts';
import { interruptSignal } from '../interrupt.ts';
import { terminalReporter } from '../terminal-reporter.ts';
import { renderJudgement } from './judge-output.ts';
import type { DeployFlags } from './up.ts';

export interface RunOptions extends DeployFlags {
  labs: string[];
  journal: string;
  junit?: string;
  write: boolean;
}

/**
 * `lab run`: up → check → write → down. Teardown is guaranteed (failure, Ctrl-C) unless --keep. The local labs,
 * and the AWS labs' local parts, need no deployment, so they collect while Terraform deploys (most of which is
 * waiting on the load balancers).
 */
export async function runCommand(opts: RunOptions, out: (s: string) => void): Promise<number> {
  const reporter = terminalReporter(opts.json);
  const home = labHome();
  const plan = await planJudgement(opts.journal, opts.labs, await DiskMemo.open(home));
  const interrupt = interruptSignal(reporter.log);
  let record: RunRecord | undefined;
  let teardown: TeardownReport | undefined;
  try {
    const judgeOptions = { signal: interrupt.signal, log: reporter.log, snapshotHome: home, historyHome: home, write: opts.write, junitPath: opts.junit };
    let result;
    if (!plan.needsDeployment) {
      result = await runJudgement(plan, { ...judgeOptions, workDir: localWorkDir(home) });
    } else {
      const { local, early } = await collectWhileDeploying(plan, home, interrupt.signal, reporter.log, async () => {
        record = await deployRun({ ...opts, home, signal: interrupt.signal, reporter });
      });
      const aws = await awsLabContext(home, record!);
      const awsLabs = plan.labsToRun.filter((l) => l.kind === 'aws');
      const remote = await gatherEvidence(awsLabs, { ...judgeOptions, workDir: path.join(runDirOf(home, record!.runId), 'checks'), aws, mode: 'fresh', early });
      result = await judgeAndWrite(plan, mergeInPlanOrder(plan, local, remote), { ...judgeOptions, aws });
    }
    if (record && !opts.keep) {
      teardown = await tearDownRun(home, record, reporter);
      record = undefined;
    }
    out(renderJudgement(result.run, opts.json, { ...result, written: opts.write, teardown }));
    if (teardown && teardown.leftovers.length > 0) throw new StageError(`Leftovers after teardown: ${teardown.leftovers.map((l) => l.id).join(', ')}`, 'Run `lab down --all`.');
    failOnCollectorErrors(result.collectorErrors);
    return 0;
  } finally {
    // A failure after the deployment (collect, judge, write) still tears it down.
    const r = record as RunRecord | undefined;
    if (r && r.stage === 'deployed' && !opts.keep) {
      reporter.stage('tearing down');
      await tearDownRun(home, r, reporter).catch((e) => reporter.warn(`teardown failed: ${e instanceof Error ? e.message : e}; run \`lab down --run ${r.runId}\``));
    } else if (r && opts.keep) {
      reporter.stage(`--keep: run ${r.runId} stays up; \`lab check\` to judge again, \`lab down\` to remove it`);
    }
    interrupt.dispose();
  }
}

/**
 * Collects the local labs, then the AWS labs' parts that need no deployment, while `deploy` runs. If the
 * deployment fails, the collection is stopped (its own teardown runs) before the failure goes on; if the
 * collection fails, the deployment still finishes so the caller's teardown has a record to work from.
 */
async function collectWhileDeploying(
  plan: JudgePlan,
  home: string,
  signal: AbortSignal,
  log: (line: string) => void,
  deploy: () => Promise<void>,
): Promise<{ local: GatheredEvidence; early: Map<string, unknown> }> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal.reason);
  signal.addEventListener('abort', onAbort);
  const workDir = localWorkDir(home);
  const collecting = (async () => {
    const local = await gatherEvidence(plan.labsToRun.filter((l) => l.kind === 'local'), { workDir, signal: stop.signal, log, mode: 'fresh', snapshotHome: home });
    const teardown = new TeardownStack();
    try {
      return { local, early: await collectBeforeDeployment(plan.labsToRun.filter((l) => l.kind === 'aws'), { workDir, signal: stop.signal, teardown, log }) };
    } finally {
      for (const f of await teardown.run()) log(`cleanup of ${f.name} failed: ${f.message}`);
    }
  })();
  collecting.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  try {
    try {
      await deploy();
    } catch (err) {
      stop.abort(err);
      await collecting.catch(() => undefined);
      throw err;
    }
    return await collecting;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function mergeInPlanOrder(plan: JudgePlan, ...parts: GatheredEvidence[]): GatheredEvidence {
  const evidence = new Map(plan.labsToRun.flatMap((l) => parts.filter((p) => p.evidence.has(l.id)).map((p) => [l.id, p.evidence.get(l.id)!] as const)));
  return { evidence, snapshots: Object.assign({}, ...parts.map((p) => p.snapshots)) };
}
