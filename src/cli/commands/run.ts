import path from 'node:path';
import { StageError } from '../../errors.ts';
import { awsLabContext } from '../../run/aws-lab-context.ts';
import { deployRun, tearDownRun, type TeardownReport } from '../../run/deploy-run.ts';
import { failOnCollectorErrors, planJudgement, runJudgement } from '../../run/judge-journal.ts';
import { labHome, localWorkDir, runDirOf, type RunRecord } from '../../run/run-record.ts';
import { interruptSignal } from '../interrupt.ts';
import { terminalReporter } from '../terminal-reporter.ts';
import { renderJudgement } from './judge-output.ts';

export interface RunOptions {
  labs: string[];
  journal: string;
  target?: string;
  endpoint?: string;
  image?: string;
  region: string;
  keep: boolean;
  json: boolean;
  junit?: string;
  write: boolean;
  acceptAwsCosts: boolean;
}

/** `lab run`: up → check → write → down. Teardown is guaranteed (failure, Ctrl-C) unless --keep. */
export async function runCommand(opts: RunOptions, out: (s: string) => void): Promise<number> {
  const reporter = terminalReporter(opts.json);
  const plan = await planJudgement(opts.journal, opts.labs);
  const home = labHome();
  const interrupt = interruptSignal(reporter.log);
  let record: RunRecord | undefined;
  let teardown: TeardownReport | undefined;
  try {
    if (plan.needsDeployment) record = await deployRun({ ...opts, home, signal: interrupt.signal, reporter });
    const workDir = record ? path.join(runDirOf(home, record.runId), 'checks') : localWorkDir(home);
    const aws = record ? await awsLabContext(home, record) : undefined;
    const result = await runJudgement(plan, { workDir, signal: interrupt.signal, log: reporter.log, aws, snapshotHome: home, historyHome: home, write: opts.write, junitPath: opts.junit });
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
    if (record && record.stage === 'deployed' && !opts.keep) {
      reporter.stage('tearing down');
      await tearDownRun(home, record, reporter).catch((e) => reporter.warn(`teardown failed: ${e instanceof Error ? e.message : e}; run \`lab down --run ${record!.runId}\``));
    } else if (record && opts.keep) {
      reporter.stage(`--keep: run ${record.runId} stays up; \`lab check\` to judge again, \`lab down\` to remove it`);
    }
    interrupt.dispose();
  }
}
