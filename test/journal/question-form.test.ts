import { describe, expect, it } from 'vitest';
import { endsQuestionSentence, invitesSubParts, isPlaceholder, isQuestionForm, isSubPartLine } from '../../src/journal/question-form.ts';

describe('question form', () => {
  it.each([
    'In terms of network connection between a client and a server, describe the following;',
    'Your technical requirement calls for ... an AWS Application Load Balancer. Describe how you would set up this configuration.',
    'How does the AWS Application Load Balancer determine which are the healthy backend servers to route traffic to? (Check this docuement https://x)',
    'Research these infrastructure components and why you might use each in your solutions architecture;',
    'Why might you want to use a TLS certificate in a solution architecture?',
    '**What is a VPC?**',
    'Is a target group regional (yes/no)?',
  ])('asks: %s', (text) => expect(isQuestionForm(text)).toBe(true));

  it.each([
    'Configure the Application Load Balancer to use HTTPS protocol for incoming traffic.',
    'Authentication: A TLS certificate can be used to authenticate the identity of the server or client.',
    'Encryption: How the data is protected depends on the cipher suite.',
    'Proxy Load Balancer: A proxy load balancer is a type of load balancer that sits between the client and the server.',
    'Test the connection between the client and backend servers, what matters is the TLS version.',
    '',
  ])('does not ask: %s', (text) => expect(isQuestionForm(text)).toBe(false));

  it('knows placeholders, sub-part lines and sentence ends', () => {
    expect(['YYYYYYYY', 'XXXXXXXX', '  ', '1.', '-- ...', '42'].map(isPlaceholder)).toEqual(Array(6).fill(true));
    expect(isPlaceholder('TTL')).toBe(false);
    expect(isSubPartLine('Elastic Load Balancer nodes')).toBe(true);
    expect(isSubPartLine('Listeners: A listener is a component')).toBe(false);
    expect(isSubPartLine('It routes. It checks.')).toBe(false);
    expect(endsQuestionSentence('Why? 🔒')).toBe(true);
    expect(endsQuestionSentence('Describe how you could')).toBe(false);
    expect(invitesSubParts('The main components are given below. Describe each of these.')).toBe(true);
    expect(invitesSubParts('List three AWS regions.')).toBe(false);
  });
});
