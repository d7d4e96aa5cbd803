import { ACMClient, DeleteCertificateCommand, DescribeCertificateCommand, ListCertificatesCommand, ListTagsForCertificateCommand } from '@aws-sdk/client-acm';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { hasTag, requireField, type ResourceTag } from './fields.ts';

export interface CertificateRecord {
  arn: string;
  domainName: string;
}

/** What ACM says of one certificate; an emulator may leave any of the details out, and the record says so. */
export interface CertificateDetailRecord {
  arn: string;
  type?: string;
  status?: string;
  domain?: string;
  /** Absent until the certificate is issued. */
  notAfter?: string;
  inUseBy: string[];
  keyAlgorithm?: string;
}

export async function describeCertificate(target: SdkTarget, arn: string): Promise<CertificateDetailRecord> {
  const res = await new ACMClient(sdkConfig(target)).send(new DescribeCertificateCommand({ CertificateArn: arn }));
  const c = requireField(res.Certificate, `ACM Certificate ${arn}`);
  return {
    arn,
    type: c.Type,
    status: c.Status,
    domain: c.DomainName,
    notAfter: c.NotAfter?.toISOString(),
    inUseBy: c.InUseBy ?? [],
    keyAlgorithm: c.KeyAlgorithm,
  };
}

export async function listCertificates(target: SdkTarget): Promise<CertificateRecord[]> {
  const acm = new ACMClient(sdkConfig(target));
  const out: CertificateRecord[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = await acm.send(new ListCertificatesCommand({ NextToken: token }));
    for (const c of res.CertificateSummaryList ?? [])
      out.push({ arn: requireField(c.CertificateArn, 'ACM CertificateArn'), domainName: c.DomainName ?? '' });
    token = res.NextToken;
    if (!token) break;
  }
  return out;
}

export async function findTaggedCertificates(target: SdkTarget, tag: ResourceTag): Promise<CertificateRecord[]> {
  const acm = new ACMClient(sdkConfig(target));
  const out: CertificateRecord[] = [];
  for (const cert of await listCertificates(target)) {
    const tags = await acm.send(new ListTagsForCertificateCommand({ CertificateArn: cert.arn }));
    if (hasTag(tags.Tags, tag)) out.push(cert);
  }
  return out;
}

export async function deleteCertificate(target: SdkTarget, arn: string): Promise<void> {
  await new ACMClient(sdkConfig(target)).send(new DeleteCertificateCommand({ CertificateArn: arn }));
}
