import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTwoTierApp } from '../../stacks/two-tier-app.ts';
import type { AppTierOptions } from '../../stacks/app-tier.ts';
import { STACK_ORDER, type TargetContext } from '../../stacks/target-context.ts';

export interface SynthesizedStack {
  name: string;
  /** Directory holding cdk.tf.json: terraform runs here. */
  dir: string;
  config: Record<string, unknown>;
}

/** Synthesizes both tiers in-process (no cdktf CLI, no subprocess) and returns them in dependency order. */
export async function synthesizeTwoTier(
  outdir: string,
  ctx: TargetContext,
  appOptions: AppTierOptions,
): Promise<SynthesizedStack[]> {
  buildTwoTierApp(outdir, ctx, appOptions).synth();
  return Promise.all(
    STACK_ORDER.map(async (name) => {
      const dir = path.join(outdir, 'stacks', name);
      const config = JSON.parse(await readFile(path.join(dir, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>;
      return { name, dir, config };
    }),
  );
}
