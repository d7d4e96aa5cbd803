/**
 * docs/adding-a-lab.md is true: every file it shows is written out exactly as shown (beside links to this
 * project's src/ and node_modules/), the registry loads the lab from them, its collector runs for real on
 * loopback, and the verdicts its table quotes are what the judge gives.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import type { Lab } from '../../src/lab-api/lab.ts';
import { createLocalLabContext } from '../../src/lab-api/local-context.ts';
import { matchQuestion } from '../../src/lab-api/match.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import { PROJECT_ROOT } from '../../src/project-root.ts';

const doc = await readFile(path.join(PROJECT_ROOT, 'docs', 'adding-a-lab.md'), 'utf8');

/** The walk-through's files: fenced blocks whose info string carries `file=PATH`. */
function filesOf(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  visit(unified().use(remarkParse).parse(markdown), 'code', (node: Code) => {
    const file = /(?:^|\s)file=(\S+)/.exec(node.meta ?? '')?.[1];
    if (file) files.set(file, node.value + '\n');
  });
  return files;
}

/** The table of statements → verdicts the page promises. */
function promisedVerdicts(markdown: string): [string, string][] {
  return [...markdown.matchAll(/^\| ([^|]+?) \| (confirmed|contradicted|imprecise|unjudged) \|/gm)].map((m) => [m[1]!, m[2]!]);
}

let root: string;
let lab: Lab;
let evidence: unknown;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'adding-a-lab-'));
  await symlink(path.join(PROJECT_ROOT, 'src'), path.join(root, 'src'));
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  for (const [file, text] of filesOf(doc)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  const labs = await loadLabs(path.join(root, 'labs'));
  expect(labs.map((l) => l.id)).toEqual(['ephemeral-ports']);
  lab = labs[0]!;
  const ctx = await createLocalLabContext(path.join(root, 'work'), () => {});
  try {
    evidence = await lab.collect(ctx);
  } finally {
    expect(await ctx.teardown.run()).toEqual([]);
  }
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('docs/adding-a-lab.md builds a working lab', () => {
  it('shows every file of the layout it describes', () => {
    expect([...filesOf(doc).keys()].sort()).toEqual([
      'checks/ephemeral-ports/claims.ts',
      'checks/ephemeral-ports/collect.ts',
      'checks/ephemeral-ports/evidence.ts',
      'checks/ephemeral-ports/facts.json',
      'checks/ephemeral-ports/lexicon.json',
      'checks/ephemeral-ports/observe.ts',
      'labs/ephemeral-ports.ts',
    ]);
  });

  it('collects real connections on loopback', () => {
    expect(evidence).toMatchObject({ status: 'observed', connections: expect.arrayContaining([expect.objectContaining({ clientPort: expect.any(Number) })]) });
  });

  it('gives the verdicts its table promises', () => {
    const rows = promisedVerdicts(doc);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [statement, verdict] of rows) {
      const judged = judgeAlone(statement, [lab], new Map([[lab.id, evidence]]), () => 'local', 'ephemeral-ports/source-port');
      expect(statementVerdict(judged.claims), `${statement}\n${judged.claims.map((c) => c.explanation).join('\n')}`).toBe(verdict);
    }
  });

  it('decides the port chooser from what it observed and the range from the fact sheet', () => {
    const judged = (s: string) => judgeAlone(s, [lab], new Map([[lab.id, evidence]]), () => 'local', 'ephemeral-ports/source-port').claims[0]!;
    expect(judged("The client's source port is an ephemeral port the OS picks.").evidence[0]!.kind).toBe('observed');
    expect(judged('Linux starts its ephemeral ports at 1024.').evidence[0]!.kind).toBe('documented');
  });

  it('routes a question about it to it, beside the shipped labs', async () => {
    const all = [...(await loadLabs()), lab];
    const [first] = matchQuestion('Which source port does a client use when it opens a connection?', [], all);
    expect(first?.key).toBe('ephemeral-ports/source-port');
  });
});
