import type { SdkTarget } from '../aws/sdk-config.ts';
import type { ResourceTag } from '../aws/fields.ts';
import * as ec2 from '../aws/ec2.ts';
import { findTaggedLoadBalancers, findTaggedTargetGroups } from '../aws/elbv2.ts';
import { findTaggedCertificates } from '../aws/acm.ts';
import { findTaggedArns, serviceOfArn } from '../aws/tagging.ts';
import { isConnectionFailure } from '../aws/reachability.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';

export interface Leftover {
  service: string;
  id: string;
}

export function runTag(runId: string): ResourceTag {
  return { key: RUN_TAG, value: runId };
}

/**
 * Looks for anything still tagged with the run id. It asks each service directly (emulators' tagging APIs cover
 * fewer resource types, and keep tags of deleted resources) and the tagging API as well for the other services;
 * terminated instances do not count. An unreachable endpoint throws: "could not look" is never "nothing left".
 */
export async function sweepRunLeftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const tag = runTag(runId);
  const found = await Promise.all([ec2Leftovers(target, tag), elbLeftovers(target, tag), acmLeftovers(target, tag), taggingLeftovers(target, tag)]);
  const unique = new Map<string, Leftover>();
  for (const item of found.flat()) unique.set(item.id, item);
  return [...unique.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function ec2Leftovers(target: SdkTarget, tag: ResourceTag): Promise<Leftover[]> {
  const as = (service: string) => (r: { id: string }) => ({ service, id: r.id });
  const [vpcs, subnets, groups, gateways, nats, routes, instances, volumes, interfaces] = await Promise.all([
    ec2.findTaggedVpcs(target, tag),
    ec2.findTaggedSubnets(target, tag),
    ec2.findTaggedSecurityGroups(target, tag),
    ec2.findTaggedInternetGateways(target, tag),
    ec2.findTaggedNatGateways(target, tag),
    ec2.findTaggedRouteTables(target, tag),
    ec2.findTaggedInstances(target, tag),
    ec2.findTaggedVolumes(target, tag),
    ec2.findTaggedNetworkInterfaces(target, tag),
  ]);
  return [
    ...vpcs.map(as('ec2:vpc')),
    ...subnets.map(as('ec2:subnet')),
    ...groups.map(as('ec2:security-group')),
    ...gateways.map(as('ec2:internet-gateway')),
    ...nats.map(as('ec2:nat-gateway')),
    ...routes.map(as('ec2:route-table')),
    ...instances.map(as('ec2:instance')),
    ...volumes.map(as('ec2:volume')),
    ...interfaces.map(as('ec2:network-interface')),
  ];
}

async function elbLeftovers(target: SdkTarget, tag: ResourceTag): Promise<Leftover[]> {
  const [lbs, tgs] = await Promise.all([findTaggedLoadBalancers(target, tag), findTaggedTargetGroups(target, tag)]);
  return [...lbs, ...tgs].map((r) => ({ service: 'elasticloadbalancing', id: r.arn }));
}

async function acmLeftovers(target: SdkTarget, tag: ResourceTag): Promise<Leftover[]> {
  return (await findTaggedCertificates(target, tag)).map((c) => ({ service: 'acm', id: c.arn }));
}

async function taggingLeftovers(target: SdkTarget, tag: ResourceTag): Promise<Leftover[]> {
  try {
    const arns = (await findTaggedArns(target, tag)) ?? [];
    // EC2, ELB and ACM resources were judged above by describing them; emulators keep tags of deleted ones.
    return arns.filter((arn) => !DESCRIBED_SERVICES.has(serviceOfArn(arn))).map((arn) => ({ service: serviceOfArn(arn), id: arn }));
  } catch (err) {
    if (isConnectionFailure(err)) throw err;
    return []; // an emulator's partial tagging API; the direct queries above still ran
  }
}

const DESCRIBED_SERVICES = new Set(['ec2', 'elasticloadbalancing', 'acm']);
