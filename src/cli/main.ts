import { Command, CommanderError, Option } from 'commander';
import { LabError, exitCodeFor } from '../errors.ts';
// Command modules load on use: `lab doctor` must not pay for cdktf, the provider bindings or the AWS SDK.
import { DEFAULT_JOURNAL } from './default-journal.ts';
import { TARGET_NAMES } from '../targets/active-target.ts';

const print = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

function program(setExit: (code: number) => void): Command {
  const cli = new Command('lab')
    .description('journal-lab: turn a learning journal into hands-on labs and write verdicts under each answer')
    .exitOverride()
    .showHelpAfterError();
  const targetOptions = (cmd: Command) =>
    cmd
      .addOption(new Option('--target <name>', `where to deploy (${TARGET_NAMES.join(', ')})`).default('moto'))
      .option('--endpoint <url>', 'attach to an AWS-compatible endpoint that is already running (neither started nor stopped)')
      .option('--image <ref>', 'container image for --target moto-container (default motoserver/moto; build one offline with scripts/build-emulator-image.sh) or localstack')
      .option('--region <region>', 'AWS region', process.env.AWS_REGION ?? 'us-east-1')
      .option('--keep', 'keep the deployment (also after a failure) for inspection', false)
      .option('--accept-aws-costs', 'required with --target aws: it deploys billable resources', false);

  cli.command('doctor').description('what this machine has for each lab and target, and how to fix what is missing')
    .option('--json', 'machine-readable output', false)
    .action(async (o) => setExit(await (await import('../toolchain/doctor.ts')).doctorCommand({ json: o.json }, print)));

  targetOptions(cli.command('up').description('deploy the two-tier lab stack (network tier + app tier) and leave it up'))
    .option('--network-only', 'deploy the network tier alone (no ALB, NLB or instances; quicker)', false)
    .option('--json', 'print one JSON object, no progress', false)
    .action(async (o) => setExit(await (await import('./commands/up.ts')).upCommand({ ...o, target: o.target }, print)));

  cli.command('status').description('runs that may still hold resources or processes')
    .option('--json', 'machine-readable output', false)
    .action(async (o) => setExit(await (await import('./commands/status.ts')).statusCommand(o, print)));

  cli.command('down').description('destroy a run, sweep for anything still tagged with its id, stop what it started')
    .option('--run <id>', 'which run (default: the only open one)')
    .option('--all', 'tear down every open run', false)
    .option('--forget <id>', 'last resort: close a run record without destroying; refuses while anything of the run is found')
    .option('--json', 'print one JSON object, no progress', false)
    .action(async (o) => setExit(await (await import('./commands/down.ts')).downCommand(o, print)));

  cli.command('check').description('judge the journal against what is deployed now (local labs run on this machine)')
    .argument('[labs...]', 'labs to run (default: all whose questions are in the journal)')
    .option('--journal <file>', 'the journal to read and write', DEFAULT_JOURNAL)
    .option('--json', 'print the results as one JSON object', false)
    .option('--junit <file>', 'also write JUnit XML (one testcase per claim)')
    .option('--no-write', 'print the results without writing them into the journal')
    .option('--run <id>', 'which deployed run to check')
    .option('--cached', 'judge on the recorded evidence snapshots only (nothing collected)', false)
    .option('--fresh', 'collect every lab\'s evidence again (default: reuse a snapshot while what it came from is unchanged)', false)
    .option('--watch', 'judge again whenever the journal is saved (Ctrl-C stops)', false)
    .action(async (labs: string[], o) => setExit(await (await import('./commands/check.ts')).checkCommand({ ...o, labs }, print)));

  cli.command('judge').description('judge statements on their own, on recorded evidence (nothing deployed, journal untouched)')
    .argument('<statements...>', 'one or more statements, each in quotes')
    .option('--question <key>', 'judge them as answers to this lab question (default: route each by its words)')
    .option('--json', 'print one JSON object', false)
    .action(async (statements: string[], o) => setExit(await (await import('./commands/judge.ts')).judgeCommand({ ...o, statements }, print)));

  cli.command('history').description('per question, how the verdicts of each claim moved across the runs of a journal')
    .option('--journal <file>', 'the journal whose runs to show', DEFAULT_JOURNAL)
    .option('--json', 'print one JSON object', false)
    .action(async (o) => setExit(await (await import('./commands/history.ts')).historyCommand(o, print)));

  cli.command('report').description('one self-contained HTML page of the journal judged on the newest recorded evidence: claims, evidence, sources, diagrams, history')
    .requiredOption('--html <file>', 'where to write the page')
    .option('--journal <file>', 'the journal to report on (it is not changed)', DEFAULT_JOURNAL)
    .action(async (o) => setExit(await (await import('./commands/report.ts')).reportCommand(o, print)));

  targetOptions(cli.command('run').description('up → check → write → down, teardown guaranteed'))
    .argument('[labs...]', 'labs to run, or "all" (default)')
    .option('--journal <file>', 'the journal to read and write', DEFAULT_JOURNAL)
    .option('--json', 'print the results as one JSON object, no progress', false)
    .option('--junit <file>', 'also write JUnit XML (one testcase per claim)')
    .option('--no-write', 'print the results without writing them into the journal')
    .action(async (labs: string[], o) => setExit(await (await import('./commands/run.ts')).runCommand({ ...o, labs }, print)));
  return cli;
}

/** The one place that turns errors into messages and exit codes; commands never call process.exit. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof LabError) {
      process.stderr.write(`error: ${err.message}\n`);
      if (err.kept) process.stderr.write(`kept safe: ${err.kept}\n`);
      process.stderr.write(`fix: ${err.fix}\n`);
      return exitCodeFor(err);
    }
    process.stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}
