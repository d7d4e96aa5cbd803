import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { awsLabContext } from '../../run/aws-lab-context.ts';
import { loadEvidenceSnapshots } from '../../run/evidence-snapshots.ts';
import type { EvidenceMode } from '../../run/gather-evidence.ts';
import { failOnCollectorErrors, planJudgement, runJudgement, type JudgePlan } from '../../run/judge-journal.ts';
import { DiskMemo } from '../../run/judgement-memo.ts';
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
  cached?: boolean;
  fresh?: boolean;
  watch?: boolean;
}

/**
 * `lab check`: judge the journal against what is deployed now (local labs run on this machine), reusing each lab's
 * evidence snapshot while what it was collected from is unchanged; `--watch` judges again on every save.
 */
export async function checkCommand(opts: CheckOptions, out: (s: string) => void): Promise<number> {
  const mode = evidenceMode(opts);
  const reporter = terminalReporter(opts.json);
  const home = labHome();
  const plan = await planJudgement(opts.journal, opts.labs, await DiskMemo.open(home));
  let aws;
  let workDir = localWorkDir(home);
  if (plan.needsDeployment) {
    const deployed = (await openRuns(home)).filter((r) => r.stage === 'deployed' && (!opts.run || r.runId === opts.run));
    if (deployed.length > 0) {
      aws = await awsLabContext(home, deployed[0]);
      workDir = path.join(runDirOf(home, deployed[0].runId), 'checks');
    } else if (mode !== 'cached') {
      await refuseWithoutEvidence(plan, home, mode);
    }
  }
  const interrupt = interruptSignal(reporter.log);
  try {
    const judgeOptions = { workDir, signal: interrupt.signal, log: reporter.log, aws, snapshotHome: home, historyHome: home, evidenceMode: mode, write: opts.write, junitPath: opts.junit };
    if (opts.watch) {
      const { watchJournal } = await import('../../run/watch-journal.ts');
      await watchJournal(opts.journal, opts.labs, plan.memo, judgeOptions, (result) => out(renderJudgement(result.run, opts.json, { ...result, written: opts.write })));
      return 0;
    }
    const result = await runJudgement(plan, judgeOptions);
    out(renderJudgement(result.run, opts.json, { ...result, written: opts.write }));
    failOnCollectorErrors(result.collectorErrors);
    return 0;
  } finally {
    interrupt.dispose();
  }
}

function evidenceMode(opts: CheckOptions): EvidenceMode {
  if (opts.cached && opts.fresh) throw new UsageError('--cached and --fresh contradict each other.', 'Pass one of them: --cached judges on recorded evidence only, --fresh collects everything again.');
  return opts.fresh ? 'fresh' : opts.cached ? 'cached' : 'auto';
}

/** Nothing deployed: AWS labs can only be judged on evidence an earlier run recorded here. */
async function refuseWithoutEvidence(plan: JudgePlan, home: string, mode: EvidenceMode): Promise<void> {
  const recorded = mode === 'fresh' ? new Map() : await loadEvidenceSnapshots(home);
  const lacking = plan.labsToRun.filter((l) => l.kind === 'aws' && !recorded.has(l.id)).map((l) => l.id);
  if (lacking.length === 0) return;
  throw new UsageError(
    `Labs ${lacking.join(', ')} need a deployment${mode === 'fresh' ? ' (--fresh collects everything again)' : ''}, and none is up${mode === 'fresh' ? '' : ' nor has their evidence been recorded here'}.`,
    '`lab up` first (then `lab check`), or `lab run` to deploy, check and tear down in one go.',
    'The journal was not changed.',
  );
}
