import { describe, expect, it } from 'vitest';
import { countClaimsLeftByMissingTools, renderMissingToolLines } from '../../src/report/missing-tool-lines.ts';
import { claim, question } from '../report/builders.ts';

const notObserved = (reason: string) =>
  claim('confirmed', { explanation: `You say X. Documented: Y (the lab could not observe this here: ${reason})`, evidence: [{ kind: 'documented', summary: 'Y' }, { kind: 'not-observed', summary: reason }] });

describe('missing-tool lines', () => {
  const questions = [
    question({
      claims: [
        notObserved('the HAProxy experiment did not run (haproxy not found on PATH or in /usr/sbin: install haproxy (apt-get install haproxy))'),
        notObserved('No packet capture: tcpdump, tshark not found on PATH or in /usr/sbin (Debian: apt-get install tcpdump tshark).'),
        claim('unverifiable', { explanation: 'You say Z. The keepalive experiment was not run: ip, iptables not found on PATH.', evidence: [{ kind: 'not-observed', summary: 'ip, iptables not found' }] }),
        claim('confirmed'),
        // Names a tool, but was observed: never counted.
        claim('confirmed', { explanation: 'The lab observed: tshark decoded 3 packets', evidence: [{ kind: 'observed', summary: 'tshark decoded 3 packets' }] }),
      ],
    }),
  ];
  const missing = [
    { name: 'haproxy', fix: 'sudo apt-get install -y haproxy   (or: npm run setup)' },
    { name: 'tshark', fix: 'sudo apt-get install -y tshark   (or: npm run setup)' },
    { name: 'ip', fix: 'sudo apt-get install -y iproute2   (or: npm run setup)' },
    { name: 'openssl', fix: 'sudo apt-get install -y openssl   (or: npm run setup)' },
  ];

  it('counts, per missing tool, the claims whose recorded reason names it, and gives its fix', () => {
    expect(countClaimsLeftByMissingTools(questions, missing)).toEqual([
      { tool: 'haproxy', claims: 1, fix: missing[0].fix },
      { tool: 'tshark', claims: 1, fix: missing[1].fix },
      { tool: 'ip', claims: 1, fix: missing[2].fix },
    ]);
  });

  it('does not blame a tool for a word it is part of (iptables is not ip, /usr/sbin is not sbin)', () => {
    const only = countClaimsLeftByMissingTools([question({ claims: [notObserved('iptables not found on PATH or in /usr/sbin')] })], [missing[2]]);
    expect(only).toEqual([]);
  });

  it('renders one line per missing tool with the count and the exact command', () => {
    expect(renderMissingToolLines([{ tool: 'haproxy', claims: 12, fix: 'sudo apt-get install -y haproxy   (or: npm run setup)' }, { tool: 'tshark', claims: 1, fix: 'npm run setup' }])).toEqual([
      'missing haproxy: 12 claims left unverifiable (judged without observing); fix: sudo apt-get install -y haproxy   (or: npm run setup)',
      'missing tshark: 1 claim left unverifiable (judged without observing); fix: npm run setup',
    ]);
  });
});
