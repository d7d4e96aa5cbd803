import { deployRun } from '../../run/deploy-run.ts';
import { labHome } from '../../run/run-record.ts';
import { interruptSignal } from '../interrupt.ts';
import { terminalReporter } from '../terminal-reporter.ts';
import { describeDeployment } from './describe-deployment.ts';

/** Where to deploy, as `lab up` and `lab run` take it from their flags. */
export interface DeployFlags {
  target?: string;
  endpoint?: string;
  image?: string;
  region: string;
  keep: boolean;
  json: boolean;
  acceptAwsCosts: boolean;
}

export interface UpOptions extends DeployFlags {
  networkOnly?: boolean;
}

/** `lab up`: deploy both tiers and leave them up for `lab check` / `lab down`. */
export async function upCommand(opts: UpOptions, out: (s: string) => void): Promise<number> {
  const reporter = terminalReporter(opts.json);
  const interrupt = interruptSignal(reporter.log);
  try {
    const record = await deployRun({ ...opts, home: labHome(), signal: interrupt.signal, reporter });
    out(opts.json ? JSON.stringify(describeDeployment(record)) : describeDeployment(record, 'text'));
    return 0;
  } finally {
    interrupt.dispose();
  }
}
