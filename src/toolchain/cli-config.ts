import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderMirror } from './provider-mirror.ts';

/** An HCL quoted string: JSON escapes are valid HCL escapes; `${` and `%{` would start templates, so double them. */
function hclString(s: string): string {
  return JSON.stringify(s).replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}

function hclList(items: readonly string[]): string {
  return `[${items.map(hclString).join(', ')}]`;
}

/** The CLI config text: mirrored providers come only from the mirror, everything else from its registry. */
export function renderCliConfig(mirror: ProviderMirror | undefined): string {
  const sources = mirror?.providers.map((p) => p.source) ?? [];
  const header = '# Written by journal-lab for TF_CLI_CONFIG_FILE; the user\'s ~/.terraformrc is deliberately not used.\n';
  if (!mirror || sources.length === 0) {
    return `${header}provider_installation {\n  direct {}\n}\n`;
  }
  return (
    header +
    'provider_installation {\n' +
    '  filesystem_mirror {\n' +
    `    path    = ${hclString(mirror.path)}\n` +
    `    include = ${hclList(sources)}\n` +
    '  }\n' +
    '  direct {\n' +
    `    exclude = ${hclList(sources)}\n` +
    '  }\n' +
    '}\n'
  );
}

/** Writes `<dir>/terraform.rc` and returns its path, for TF_CLI_CONFIG_FILE. */
export async function writeCliConfig(dir: string, mirror: ProviderMirror | undefined): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'terraform.rc');
  await writeFile(file, renderCliConfig(mirror));
  return file;
}
