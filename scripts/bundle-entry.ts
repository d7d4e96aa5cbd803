// Entry of the prebuilt bundle (dist/lab.mjs): the CLI plus the labs it was built with, which the registry
// cannot find by reading labs/*.ts once the code no longer runs from source.
// @ts-expect-error virtual module made by scripts/build.mjs from the files in labs/
import labs from 'virtual:journal-lab-labs';

(globalThis as { __journalLabBundledLabs?: unknown }).__journalLabBundledLabs = labs;

export { main } from '../src/cli/main.ts';
