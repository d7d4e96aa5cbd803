/**
 * Lab `certificates`: why use a TLS certificate. A CA the lab creates, clients that accept or refuse with their
 * real error codes, and captures that show what the certificate does and does not do for encryption.
 */
import type { Lab } from '../src/labs/lab.ts';
import { judgeAnswer } from '../src/model/judge-answer.ts';
import type { CertificatesEvidence } from '../checks/certificates/evidence.ts';
import { certificateFacts, certificateRules } from '../checks/certificates/judge.ts';

const lab: Lab<CertificatesEvidence> = {
  id: 'certificates',
  title: 'What a TLS certificate does: authentication and trust, and what it does not do: encrypt',
  kind: 'local',
  tools: ['tcpdump', 'tshark', 'openssl'],
  questions: [
    {
      id: 'why-certificate',
      title: 'Why use a TLS certificate in a solution architecture',
      signature: [
        [/certificate|\bcert\b|X\.?509/i],
        [/\bTLS\b|\bSSL\b|HTTPS/i],
        [/why|purpose|reason|benefit|what (is|are) .* for/i],
      ],
      judge: (statements, evidence) => judgeAnswer(statements, evidence, certificateRules, certificateFacts),
    },
  ],
  // Collectors load on use, so judging-only paths (and other labs' runs) do not pay for them.
  collect: async (ctx) => (await import('../checks/certificates/collect.ts')).collectCertificatesEvidence(ctx),
};

export default lab;
