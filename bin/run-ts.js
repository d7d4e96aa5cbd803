#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, recorders) through tsx: node bin/run-ts.js scripts/x.ts [args]
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
// Same reason as bin/lab.js: the SDK's Node 22 notice would bury the script's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const script = process.argv[2];
if (!script) { console.error('usage: node bin/run-ts.js SCRIPT.ts [args...]'); process.exit(2); }
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(script)).href);
