import { EnvironmentError, LabError } from '../../errors.ts';
import type { ToolCheck } from '../check-types.ts';
import { findEngine, INSTALL_ENGINE_FIX, MIN_ENGINE_VERSION } from '../engine.ts';
import { findProviderMirror, mirrorHasProvider } from '../provider-mirror.ts';
import { inspectMoto } from '../moto.ts';
import { requiredAwsProvider } from '../required-provider.ts';
import { isAtLeast } from '../version.ts';

export const MIN_NODE_VERSION = '20.0.0';

export async function checkNode(): Promise<ToolCheck> {
  const version = process.versions.node;
  const found = isAtLeast(version, MIN_NODE_VERSION);
  return {
    name: 'node',
    found,
    version,
    path: process.execPath,
    enables: 'the harness itself (TypeScript via tsx, cdktf synth)',
    required: true,
    ...(found ? {} : { fix: 'Install Node.js >= 20 (https://nodejs.org/en/download)', detail: `node ${version} is older than ${MIN_NODE_VERSION}` }),
  };
}

export async function checkEngine(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const base = { name: 'engine', enables: 'deploying the lab stacks (terraform or tofu init/apply/destroy)', required: true };
  try {
    const engine = await findEngine(env);
    const detail = `>= ${MIN_ENGINE_VERSION}, so the S3 state backend's use_lockfile works`;
    return { ...base, found: true, version: `${engine.name} ${engine.version}`, path: engine.path, detail };
  } catch (err) {
    if (!(err instanceof LabError)) throw err;
    return { ...base, found: false, fix: err.fix || INSTALL_ENGINE_FIX, detail: err.message };
  }
}

export async function checkProviderMirror(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const aws = await requiredAwsProvider();
  const want = `${aws.source} ${aws.version}`;
  const fix = `Run once while online: terraform providers mirror DIR (in a dir whose config requires ${aws.source.replace('registry.terraform.io/', '')} ${aws.version}), then set LAB_PROVIDER_MIRROR=DIR`;
  const base = { name: 'provider-mirror', enables: `offline terraform init (needs ${want}, pinned by ${aws.from})` };
  let mirror;
  try {
    mirror = await findProviderMirror(env);
  } catch (err) {
    if (!(err instanceof EnvironmentError)) throw err;
    return { ...base, found: false, required: true, fix: err.fix, detail: err.message };
  }
  if (!mirror) {
    return {
      ...base,
      found: false,
      // Without a mirror terraform downloads from the registry, so an online machine still runs.
      required: false,
      fix,
      detail: `no local mirror found; terraform init will download ${want} from the registry (needs internet)`,
    };
  }
  const holds = mirror.providers.map((p) => `${p.source} ${p.versions.join(', ')}`).join('; ') || 'no providers for this platform';
  if (mirrorHasProvider(mirror, aws.source, aws.version)) {
    return { ...base, found: true, required: true, version: aws.version, path: mirror.path, detail: `holds ${holds}` };
  }
  return {
    ...base,
    found: false,
    // The generated CLI config takes mirrored providers only from the mirror, so a wrong version there blocks init.
    required: mirror.providers.some((p) => p.source === aws.source),
    path: mirror.path,
    fix,
    detail: `${want} is not there; it holds ${holds}`,
  };
}

export async function checkMoto(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const moto = await inspectMoto(env);
  const base = { name: 'moto', enables: 'the default target: a local AWS emulator (moto server) on 127.0.0.1', required: true };
  if (!moto.server) return { ...base, found: false, fix: "python3 -m pip install 'moto[server]'", detail: moto.detail };
  return {
    ...base,
    found: true,
    version: moto.server.version,
    path: [moto.server.command, ...moto.server.args].join(' '),
    detail: moto.server.version ? moto.detail : `${moto.detail}; version unknown (importlib.metadata could not read it)`,
  };
}
