import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { awsLabContext } from '../../run/aws-lab-context.ts';
import { failOnCollectorErrors, planJudgement, runJudgement } from '../../run/judge-journal.ts';
import { labHome, localWorkDir, openRuns, runDirOf } from '../../run/run-record.ts';
import { interruptSignal } from '../interrupt.ts';
import { terminalReporter } from '../terminal-reporter.ts';
import { renderJudgement } from './judge-output.ts';

export interface CheckOptions {
  labs: string[];
  journal: string;
  json: boolean;
  junit?: string;
  write: boolean;
  run?: string;
}

/** `lab check`: judge the journal against what is deployed now (and run local labs on this machine). */
export async function checkCommand(opts: CheckOptions, out: (s: string) => void): Promise<number> {
  const reporter = terminalReporter(opts.json);
  const plan = await planJudgement(opts.journal, opts.labs);
  const home = labHome();
  let aws;
  let workDir = localWorkDir(home);
  if (plan.needsDeployment) {
    const deployed = (await openRuns(home)).filter((r) => r.stage === 'deployed' && (!opts.run || r.runId === opts.run));
    if (deployed.length === 0) {
      throw new UsageError(
        `Labs ${plan.labsToRun.filter((l) => l.kind === 'aws').map((l) => l.id).join(', ')} need a deployment, and none is up.`,
        '`lab up` first (then `lab check`), or `lab run` to deploy, check and tear down in one go.',
        'The journal was not changed.',
      );
    }
    aws = await awsLabContext(home, deployed[0]);
    workDir = path.join(runDirOf(home, deployed[0].runId), 'checks');
  }
  const interrupt = interruptSignal(reporter.log);
  try {
    const result = await runJudgement(plan, { workDir, signal: interrupt.signal, log: reporter.log, aws, snapshotHome: home, historyHome: home, write: opts.write, junitPath: opts.junit });
    out(renderJudgement(result.run, opts.json, { ...result, written: opts.write }));
    failOnCollectorErrors(result.collectorErrors);
    return 0;
  } finally {
    interrupt.dispose();
  }
}
