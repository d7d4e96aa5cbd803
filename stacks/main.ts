/**
 * Entry point for users of the cdktf CLI (`npx cdktf synth`). journal-lab itself synthesizes in-process; this
 * file gives the same stacks to the cdktf CLI, configured from the environment:
 *   LAB_ENDPOINT (an emulator URL; unset = live AWS), LAB_REGION (us-east-1), LAB_RUN_ID, LAB_STATE_BUCKET.
 * The certificate for the ALB is generated into .lab/cdktf-cli/ (its key never leaves that directory).
 */
import path from 'node:path';
import { generateAlbCertificate } from '../src/certs/alb-certificate.ts';
import { buildTwoTierApp } from './two-tier-app.ts';
import { emulatorCredentials } from '../src/targets/emulator-credentials.ts';

const runId = process.env.LAB_RUN_ID ?? 'cli';
const endpoint = process.env.LAB_ENDPOINT || undefined;
const certDir = path.resolve('.lab', 'cdktf-cli');
const cert = await generateAlbCertificate(certDir, `jl-${runId}.journal-lab.internal`);
const app = buildTwoTierApp(process.env.CDKTF_OUTDIR ?? 'cdktf.out', {
  target: endpoint ? 'endpoint' : 'aws',
  region: process.env.LAB_REGION ?? 'us-east-1',
  endpoint,
  emulatorCredentials: endpoint ? emulatorCredentials : undefined,
  runId,
  stateBucket: process.env.LAB_STATE_BUCKET ?? `journal-lab-state-${runId}`,
}, { certificatePath: cert.certificatePath, privateKeyPath: cert.privateKeyPath });
app.synth();
