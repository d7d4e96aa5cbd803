import { describe, expect, it } from 'vitest';
import { matchClaims } from '../../src/history/claim-identity.ts';

const c = (claim: string, aspect?: string) => ({ claim, ...(aspect ? { aspect } : {}) });

describe('matchClaims: following a claim across runs', () => {
  it('keeps a claim with the same words (whitespace and case aside), aspect by aspect', () => {
    const prev = [c('The server answers with SYN-ACK.', 'step 2'), c('The server answers with SYN-ACK.', 'step 3')];
    const now = [c('the server answers  with SYN-ACK.', 'step 3'), c('The server answers with SYN-ACK.', 'step 2')];
    expect([...matchClaims(prev, now)]).toEqual([[0, 1], [1, 0]]);
  });

  it('follows a minimal rewording: one word changed, one word added, a clause reordered', () => {
    const prev = [c('Keepalive is off by default on Linux sockets.'), c('The ALB terminates TLS with the ACM certificate.')];
    expect(matchClaims(prev, [c('Keepalive is disabled by default on Linux sockets.')]).get(0)).toBe(0);
    expect(matchClaims(prev, [c('The ALB terminates TLS with the ACM certificate on port 443.')]).get(0)).toBe(1);
    expect(matchClaims(prev, [c('On Linux sockets, keepalive is off by default.')]).get(0)).toBe(0);
  });

  it('keeps the same wording of a minimal pair apart from a different statement', () => {
    // One "not" apart is still the same claim: its verdict is what moved.
    const prev = [c('Keepalive is off by default.')];
    expect(matchClaims(prev, [c('Keepalive is not off by default.')]).get(0)).toBe(0);
    expect(matchClaims(prev, [c('Health checks run every 30 seconds.')]).has(0)).toBe(false);
  });

  it('refuses an ambiguous rewording: two previous claims equally alike', () => {
    const prev = [c('The client sends the ClientHello first.'), c('The client sends the Finished first.')];
    expect(matchClaims(prev, [c('The client sends the Certificate first.')]).size).toBe(0);
  });

  it('refuses when two new wordings compete for one old claim', () => {
    const prev = [c('Targets fail after two checks.')];
    expect(matchClaims(prev, [c('Targets fail after two failed checks.'), c('Targets fail after two bad checks.')]).size).toBe(0);
  });

  it('never matches across aspects', () => {
    expect(matchClaims([c('The steps are Hello and Finished.', 'Hello')], [c('The steps are Hello and Finished!', 'Finished')]).size).toBe(0);
  });
});
