import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AwsLabContext } from '../lab-api/lab.ts';
import { STACK_ORDER } from '../../stacks/target-context.ts';
import { runDirOf, type RunRecord } from './run-record.ts';

/** What AWS labs get from a deployed run: endpoint, outputs, and the synthesized config of each stack. */
export async function awsLabContext(home: string, record: RunRecord): Promise<AwsLabContext> {
  const synthesized: Record<string, unknown> = {};
  for (const stack of STACK_ORDER) {
    const file = path.join(runDirOf(home, record.runId), 'cdktf.out', 'stacks', stack, 'cdk.tf.json');
    synthesized[stack] = JSON.parse(await readFile(file, 'utf8'));
  }
  return {
    target: record.target.name,
    endpoint: record.target.endpoint,
    region: record.target.region,
    credentials: record.target.credentials,
    runId: record.runId,
    stateBucket: record.stateBucket,
    outputs: record.outputs,
    synthesized,
  };
}
