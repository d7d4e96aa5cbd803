import { ACMClient, DeleteCertificateCommand, ListCertificatesCommand, ListTagsForCertificateCommand } from '@aws-sdk/client-acm';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { hasTag, requireField, type ResourceTag } from './fields.ts';

export interface CertificateRecord {
  arn: string;
  domainName: string;
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
