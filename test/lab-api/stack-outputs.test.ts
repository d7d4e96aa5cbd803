import { describe, expect, it } from 'vitest';
import type { AwsLabContext } from '../../src/lab-api/lab.ts';
import { stackOutputs } from '../../src/lab-api/stack-outputs.ts';

const aws = (outputs: AwsLabContext['outputs']): AwsLabContext =>
  ({ target: 'moto', region: 'us-east-1', runId: 'r1', stateBucket: 'b', outputs, synthesized: {} });

describe('stackOutputs', () => {
  const app = stackOutputs(aws({ app: { alb_arn: 'arn:alb', instance_ids: ['i-1', 'i-2'], port: 443 } }), 'app');

  it('reads string and list outputs as they are', () => {
    expect(app.string('alb_arn')).toBe('arn:alb');
    expect(app.strings('instance_ids')).toEqual(['i-1', 'i-2']);
  });

  it('a missing output is an error naming the stack and the output, never the text "undefined"', () => {
    expect(() => app.string('certificate_arn')).toThrow('the app tier has no output certificate_arn');
    expect(() => stackOutputs(aws({}), 'network').strings('public_subnet_ids')).toThrow('the network tier has no output public_subnet_ids');
  });

  it('an output of another type is an error too', () => {
    expect(() => app.string('port')).toThrow("the app tier's output port is not a string: 443");
    expect(() => app.strings('alb_arn')).toThrow("the app tier's output alb_arn is not a list of strings");
  });

  it('optional outputs and the list of missing ones', () => {
    expect(app.optionalString('certificate_arn')).toBeUndefined();
    expect(app.optionalString('alb_arn')).toBe('arn:alb');
    expect(app.missing(['alb_arn', 'nlb_arn', 'port'])).toEqual(['nlb_arn', 'port']);
  });
});
