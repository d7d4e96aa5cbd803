import type { SdkTarget } from '../aws/sdk-config.ts';
import type { ResourceTag } from '../aws/fields.ts';
import * as ec2 from '../aws/ec2.ts';
import * as elbv2 from '../aws/elbv2.ts';
import * as acm from '../aws/acm.ts';
import { isConnectionFailure } from '../aws/reachability.ts';

export interface TaggedDeletion {
  /** `kind id` of everything deleted, in the order it went. */
  deleted: string[];
  /** What could not be deleted in the last pass, with the API's reason. */
  failures: string[];
}

/**
 * When Terraform's state is lost (bucket deleted, object damaged) the tag is all that ties resources to the run.
 * Deletes what carries it, dependents before what they depend on; a pass that hits a dependency error is
 * repeated (bounded), because some deletions (an ALB, an instance) release their dependents only afterwards.
 */
export async function deleteTaggedResources(target: SdkTarget, tag: ResourceTag, log: (line: string) => void, passes = 3): Promise<TaggedDeletion> {
  const deleted: string[] = [];
  let failures: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    failures = [];
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
        deleted.push(what);
        log(`deleted ${what}`);
      } catch (err) {
        if (isConnectionFailure(err)) throw err;
        failures.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    const lbs = await elbv2.findTaggedLoadBalancers(target, tag);
    for (const lb of lbs) for (const l of await elbv2.listListeners(target, lb.arn)) await attempt(`listener ${l.arn}`, () => elbv2.deleteListener(target, l.arn));
    for (const lb of lbs) await attempt(`load-balancer ${lb.arn}`, () => elbv2.deleteLoadBalancer(target, lb.arn));
    for (const tg of await elbv2.findTaggedTargetGroups(target, tag)) await attempt(`target-group ${tg.arn}`, () => elbv2.deleteTargetGroup(target, tg.arn));
    const instances = await ec2.findTaggedInstances(target, tag);
    if (instances.length > 0) await attempt(`instances ${instances.map((i) => i.id).join(' ')}`, () => ec2.terminateInstances(target, instances.map((i) => i.id)));
    for (const n of await ec2.findTaggedNetworkInterfaces(target, tag)) await attempt(`network-interface ${n.id}`, () => ec2.deleteNetworkInterface(target, n.id));
    for (const v of await ec2.findTaggedVolumes(target, tag)) await attempt(`volume ${v.id}`, () => ec2.deleteVolume(target, v.id));
    const groups = await ec2.findTaggedSecurityGroups(target, tag);
    for (const g of groups) if (g.ingress.length + g.egress.length > 0) await attempt(`rules of security-group ${g.id}`, () => ec2.revokeSecurityGroupRules(target, g.id));
    for (const g of groups) await attempt(`security-group ${g.id}`, () => ec2.deleteSecurityGroup(target, g.id));
    for (const n of await ec2.findTaggedNatGateways(target, tag)) await attempt(`nat-gateway ${n.id}`, () => ec2.deleteNatGateway(target, n.id));
    for (const s of await ec2.findTaggedSubnets(target, tag)) await attempt(`subnet ${s.id}`, () => ec2.deleteSubnet(target, s.id));
    // The main route table is the VPC's own: it goes with the VPC and cannot be deleted before.
    for (const t of await ec2.findTaggedRouteTables(target, tag)) if (!t.main) await attempt(`route-table ${t.id}`, () => ec2.deleteRouteTable(target, t));
    for (const g of await ec2.findTaggedInternetGateways(target, tag)) await attempt(`internet-gateway ${g.id}`, () => ec2.deleteInternetGateway(target, g));
    for (const v of await ec2.findTaggedVpcs(target, tag)) await attempt(`vpc ${v.id}`, () => ec2.deleteVpc(target, v.id));
    for (const c of await acm.findTaggedCertificates(target, tag)) await attempt(`certificate ${c.arn}`, () => acm.deleteCertificate(target, c.arn));
    if (failures.length === 0) break;
    await new Promise((r) => setTimeout(r, 1000 * (pass + 1)));
  }
  return { deleted, failures };
}
