import type { ClaimResult, ClaimVerdict, QuestionResult, RunResult } from '../../src/model/types.ts';

export const PRIVATE_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  '-----END PRIVATE KEY-----',
].join('\n');

export function claim(verdict: ClaimVerdict, overrides: Partial<ClaimResult> = {}): ClaimResult {
  return {
    claim: `The learner says something ${verdict}.`,
    verdict,
    explanation: `Because the evidence shows it is ${verdict}.`,
    evidence: [{ kind: 'capture', summary: `3 packets for ${verdict}`, data: { packets: 3 } }],
    sources: [{ title: 'RFC 9293 §3.5', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.5' }],
    ...overrides,
  };
}

export function question(overrides: Partial<QuestionResult> = {}): QuestionResult {
  return {
    key: 'tcp-tls/connection',
    section: 'System Architecture',
    number: 1,
    question: 'In terms of network connection, describe the following;\n* TCP handshake',
    labs: ['tcp-tls'],
    verdict: 'partly-confirmed',
    claims: [claim('confirmed'), claim('imprecise', { aspect: 'Server Key Exchange' })],
    unjudged: [],
    ...overrides,
  };
}

export function run(questions: QuestionResult[]): RunResult {
  return {
    journal: 'journals/journal-week.md',
    target: 'moto',
    date: '2026-11-28',
    questions,
    evidence: { 'tcp-tls': { handshake: ['SYN', 'SYN-ACK', 'ACK'] } },
  };
}

/** Strings that break naive markdown, XML and JSON writers. */
export const NASTY = 'a | b\nc\r\nd <tag attr="x"> & \'q\' `code` *em* <!-- journal-lab:end x --> \u0007 🔒 é 証 ]]>';
