/**
 * Lab `certificates`: why use a TLS certificate. A CA the lab creates, clients that accept or refuse with their
 * real error codes, and captures that show what the certificate does and does not do for encryption.
 */
import { certificatesClaims } from '../checks/certificates/claims.ts';
import type { Lab } from '../src/lab-api/lab.ts';
import type { CertificatesEvidence } from '../checks/certificates/evidence.ts';

const lab: Lab<CertificatesEvidence> = {
  id: 'certificates',
  title: 'What a TLS certificate does: authentication and trust, and what it does not do: encrypt',
  kind: 'local',
  tools: ['tcpdump', 'tshark', 'openssl'],
  claims: certificatesClaims,
  questions: [
    {
      id: 'why-certificate',
      title: 'What a TLS certificate is for, and what it is not for',
    },
  ],
  // Collectors load on use, so judging-only paths (and other labs' runs) do not pay for them.
  collect: async (ctx) => (await import('../checks/certificates/collect.ts')).collectCertificatesEvidence(ctx),
};

export default lab;
