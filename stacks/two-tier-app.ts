import { App } from 'cdktf';
import { AppTierStack, type AppTierOptions } from './app-tier.ts';
import { NetworkTierStack } from './network-tier.ts';
import type { TargetContext } from './target-context.ts';

/** Both tiers in one cdktf App; the app tier is declared dependent so `cdktf deploy` orders them too. */
export function buildTwoTierApp(outdir: string, ctx: TargetContext, appOptions: AppTierOptions): App {
  const app = new App({ outdir });
  const network = new NetworkTierStack(app, ctx);
  const appTier = new AppTierStack(app, ctx, appOptions);
  appTier.addDependency(network);
  return app;
}
