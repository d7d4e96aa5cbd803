import { judgeAnswer, type ExpectedFact, type StatementRule } from '../../src/model/judge-answer.ts';
import type { TwoTierEvidence } from './evidence.ts';
import { albTargetGroup, describeHealthCheck, httpListener, httpsListener } from './graph.ts';
import { emulatorNote, ev, outcome } from './outcome.ts';
import { src } from './sources.ts';

function certificateEvidence(e: TwoTierEvidence) {
  const https = httpsListener(e);
  const attached = !!https?.certificateArns.includes(e.certificate.arn);
  return {
    attached,
    inAcm: e.certificate.status === 'ISSUED',
    evidence: [
      ev('acm', `certificate ${e.certificate.arn}: type ${e.certificate.type ?? '?'}, status ${e.certificate.status ?? '?'}, ${e.certificate.domain ?? ''}, ${e.certificate.keyAlgorithm ?? ''}`),
      ev('elbv2', https ? `HTTPS:${https.port} listener certificates: ${https.certificateArns.join(', ') || 'none'}` : 'no HTTPS listener on the ALB'),
    ],
  };
}

const rules: StatementRule<TwoTierEvidence>[] = [
  {
    id: 'acm-certificate',
    about: /certificate manager|\bACM\b|import (an )?(existing )?certificate|create a certificate/i,
    judge: (_s, e) => {
      const c = certificateEvidence(e);
      return c.inAcm && c.attached
        ? outcome('confirmed', `Yes. This lab imported a certificate it generated into ACM (type ${e.certificate.type}), and the HTTPS listener serves it. ACM-issued public certificates work the same way and renew automatically; imported ones you renew yourself.`, c.evidence, [src.acmImport, src.httpsListener])
        : outcome('contradicted', 'The certificate is not in ACM as ISSUED or is not on the HTTPS listener (see evidence).', c.evidence, [src.acmImport]);
    },
  },
  {
    id: 'https-listener',
    about: /^(?![\s\S]*backend)[\s\S]*(HTTPS[\s\S]*(incoming|listener|client)|(load balancer|\bALB\b)[\s\S]*HTTPS)/i,
    judge: (_s, e) => {
      const https = httpsListener(e);
      const http = httpListener(e);
      const evidence = [
        ev('elbv2', https ? `listener HTTPS:${https.port}, TLS policy ${https.sslPolicy}, default action ${https.defaultActions.map((a) => a.type).join(', ')}` : 'no HTTPS listener'),
        ev('elbv2', http ? `listener HTTP:${http.port} → ${http.defaultActions.map((a) => (a.redirect ? `redirect ${a.redirect.protocol}:${a.redirect.port} ${a.redirect.statusCode}` : a.type)).join(', ')}` : 'no HTTP listener'),
      ];
      return https
        ? outcome('confirmed', `Yes: client traffic arrives on an HTTPS listener (port ${https.port}) where the ALB terminates TLS with the security policy ${https.sslPolicy}.`, evidence, [src.httpsListener, src.securityPolicies])
        : outcome('contradicted', 'The ALB has no HTTPS listener.', evidence, [src.httpsListener]);
    },
  },
  {
    id: 'attach-certificate',
    about: /attach[\s\S]*certificate|certificate[\s\S]*(to|on) the (application )?(load balancer|\bALB\b|listener)/i,
    judge: (_s, e) => {
      const c = certificateEvidence(e);
      return c.attached
        ? outcome('confirmed', 'Yes — precisely, the certificate is attached to the ALB\'s HTTPS listener (its default certificate; more can be added for SNI), not to the load balancer as a whole.', c.evidence, [src.httpsListener])
        : outcome('contradicted', 'The HTTPS listener does not carry the imported certificate.', c.evidence, [src.httpsListener]);
    },
  },
  {
    id: 'backend-https',
    about: /backend[\s\S]*HTTPS|HTTPS[\s\S]*backend/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      const evidence = [ev('elbv2', `target group ${tg.name}: protocol ${tg.protocol}, port ${tg.port}; health check ${describeHealthCheck(tg)}`)];
      return tg.protocol === 'HTTPS'
        ? outcome('imprecise', `The backends must *accept* HTTPS — it is incoming traffic for them, from the ALB — and what makes the ALB re-encrypt is the target group's protocol HTTPS (here ${tg.protocol}:${tg.port}). "HTTPS for outgoing traffic" describes the wrong direction.`, evidence, [src.targetGroups])
        : outcome('contradicted', `The target group uses ${tg.protocol}: traffic from the ALB to the backends is not encrypted.`, evidence, [src.targetGroups]);
    },
  },
  {
    id: 'backend-certificate',
    about: /install[\s\S]*certificate|certificate[\s\S]*backend/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      return outcome(
        'imprecise',
        `Each backend needs a certificate and key of its own to serve HTTPS, but not "the" certificate of the ALB, and not a publicly trusted one: the ALB does not validate target certificates, so a self-signed certificate works (this lab's backends make one at boot). ACM certificates attached to the listener are not installed on instances.${emulatorNote(e.target)}`,
        [ev('elbv2', `target group protocol ${tg.protocol}; backends generate a self-signed certificate in their user data`), ev('documentation', 'ELB docs: the load balancer does not validate the certificates of its targets')],
        [src.backendCerts, src.acmImport],
      );
    },
  },
  {
    id: 'backend-security-group',
    about: /security group/i,
    judge: (_s, e) => {
      const { alb, backend } = e.securityGroups;
      const only = backend.ingress.length > 0 && backend.ingress.every((r) => r.cidrs.length === 0 && r.sourceGroups.length > 0 && r.sourceGroups.every((g) => g === alb.id));
      const evidence = [
        ev('ec2', `backend SG ${backend.id} ingress: ${backend.ingress.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} from ${[...r.sourceGroups, ...r.cidrs].join(', ')}`).join('; ')}`),
        ev('ec2', `ALB SG ${alb.id} ingress: ${alb.ingress.map((r) => `${r.protocol} ${r.fromPort} from ${[...r.sourceGroups, ...r.cidrs].join(', ')}`).join('; ')}`),
      ];
      return only
        ? outcome('confirmed', `Yes: the backends' security group admits only port ${backend.ingress[0].fromPort} from the ALB's security group (${alb.id}), referenced by id rather than by address ranges.`, evidence, [src.albSecurityGroups])
        : outcome('contradicted', 'The backend security group also admits sources other than the ALB security group.', evidence, [src.albSecurityGroups]);
    },
  },
  {
    id: 'test-connection',
    about: /\btest/i,
    judge: (_s, e) => outcome(
      'unverifiable',
      `A good step, but this target cannot show it: no packets flow through an emulated ALB.${emulatorNote(e.target)}`,
      [ev('target', `target ${e.target}: load balancer state ${e.loadBalancers.map((l) => `${l.name}=${l.state}`).join(', ')} (configuration only)`)],
      [src.httpsListener],
    ),
  },
];

const facts: ExpectedFact<TwoTierEvidence>[] = [
  {
    id: 'target-group-https',
    fact: 'The target group must use protocol HTTPS: that setting is what makes the ALB open a new TLS connection to each backend.',
    mentionedBy: /target group/i,
    explain: (e) => ({
      explanation: 'The ALB terminates the client\'s TLS at the listener; it re-encrypts only when the target group protocol is HTTPS.',
      evidence: [ev('elbv2', `target group ${albTargetGroup(e).name}: ${albTargetGroup(e).protocol}:${albTargetGroup(e).port}`)],
      sources: [src.targetGroups],
    }),
  },
  {
    id: 'health-check-https',
    fact: 'Health checks should use HTTPS too, on a path the backends answer (here /healthz).',
    mentionedBy: /health/i,
    explain: (e) => ({
      explanation: 'With HTTPS targets, HTTPS health checks test the same TLS path that real requests take.',
      evidence: [ev('elbv2', describeHealthCheck(albTargetGroup(e)))],
      sources: [src.healthChecks],
    }),
  },
  {
    id: 'tls-policy',
    fact: 'Choose the HTTPS listener\'s TLS security policy (protocol versions and ciphers).',
    mentionedBy: /polic|TLS ?1\.[0-3]|cipher/i,
    explain: (e) => ({
      explanation: 'The security policy decides which TLS versions and ciphers clients may use; a current TLS 1.3/1.2 policy is the safe default.',
      evidence: [ev('elbv2', `HTTPS listener policy: ${httpsListener(e)?.sslPolicy ?? 'none'}`)],
      sources: [src.securityPolicies],
    }),
  },
  {
    id: 'http-redirect',
    fact: 'Redirect plain HTTP (port 80) to HTTPS so no client stays on an unencrypted connection.',
    mentionedBy: /redirect|port 80|HTTP:80/i,
    explain: (e) => {
      const http = httpListener(e);
      return {
        explanation: 'An HTTP listener whose default action is a redirect to HTTPS keeps clients that type http:// on encrypted connections.',
        evidence: [ev('elbv2', http ? `HTTP:${http.port} → ${JSON.stringify(http.defaultActions[0]?.redirect ?? http.defaultActions[0]?.type)}` : 'no HTTP listener')],
        sources: [src.redirect],
      };
    },
  },
];

export function judgeEndToEndTls(statements: readonly string[], evidence: TwoTierEvidence) {
  return judgeAnswer(statements, evidence, rules, facts);
}
