import type { AwsLabContext } from './lab.ts';

/**
 * One deployed stack's Terraform outputs. `String(outputs.x)` would turn a missing output into the text
 * "undefined" and carry it into an API call or a journal; here a missing one is an error naming stack and output.
 */
export interface StackOutputs {
  string(name: string): string;
  strings(name: string): string[];
  /** For outputs a stack may leave out: undefined when it did. */
  optionalString(name: string): string | undefined;
  /** The names among `names` the stack has no string output for. */
  missing(names: readonly string[]): string[];
}

export function stackOutputs(aws: AwsLabContext, stack: string): StackOutputs {
  const values = aws.outputs[stack] ?? {};
  const read = <T>(name: string, kind: string, fits: (v: unknown) => v is T): T => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`the ${stack} tier has no output ${name}`);
    if (!fits(value)) throw new Error(`the ${stack} tier's output ${name} is not ${kind}: ${JSON.stringify(value)}`);
    return value;
  };
  return {
    string: (name) => read(name, 'a string', isString),
    strings: (name) => read(name, 'a list of strings', isStringList),
    optionalString: (name) => (values[name] === undefined || values[name] === null ? undefined : read(name, 'a string', isString)),
    missing: (names) => names.filter((name) => !isString(values[name])),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
