import { Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones/index.js';
import { configureAws, resourceName } from './aws-context.ts';
import { stackNames, type TargetContext } from './target-context.ts';

export const networkLayout = {
  vpcCidr: '10.40.0.0/16',
  publicSubnetCidrs: ['10.40.0.0/24', '10.40.1.0/24'],
  privateSubnetCidrs: ['10.40.10.0/24', '10.40.11.0/24'],
} as const;

/**
 * The base network tier: a VPC with a public and a private subnet in each of two AZs, an internet gateway and
 * route tables. Its outputs are the contract the app tier reads through remote state.
 */
export class NetworkTierStack extends TerraformStack {
  constructor(scope: Construct, ctx: TargetContext) {
    super(scope, stackNames.network);
    configureAws(this, ctx, stackNames.network);

    const zones = new DataAwsAvailabilityZones(this, 'zones', { state: 'available' });
    const vpc = new Vpc(this, 'vpc', {
      cidrBlock: networkLayout.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: resourceName(ctx, 'vpc') },
    });
    const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id, tags: { Name: resourceName(ctx, 'igw') } });

    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
      tags: { Name: resourceName(ctx, 'public') },
    });
    // Private subnets get no route to the internet: backends are reached only through the load balancer.
    const privateRoutes = new RouteTable(this, 'private-routes', {
      vpcId: vpc.id,
      tags: { Name: resourceName(ctx, 'private') },
    });

    const makeSubnets = (kind: 'public' | 'private', cidrs: readonly string[], routes: RouteTable) =>
      cidrs.map((cidr, i) => {
        const subnet = new Subnet(this, `${kind}-${i}`, {
          vpcId: vpc.id,
          cidrBlock: cidr,
          availabilityZone: Fn.element(zones.names, i),
          mapPublicIpOnLaunch: false,
          tags: { Name: resourceName(ctx, `${kind}-${i}`), 'journal-lab:tier': kind },
        });
        new RouteTableAssociation(this, `${kind}-${i}-routes`, { subnetId: subnet.id, routeTableId: routes.id });
        return subnet;
      });
    const publicSubnets = makeSubnets('public', networkLayout.publicSubnetCidrs, publicRoutes);
    const privateSubnets = makeSubnets('private', networkLayout.privateSubnetCidrs, privateRoutes);

    const output = (name: string, value: unknown) => new TerraformOutput(this, name, { value });
    output('vpc_id', vpc.id);
    output('vpc_cidr', vpc.cidrBlock);
    output('internet_gateway_id', igw.id);
    output('public_subnet_ids', publicSubnets.map((s) => s.id));
    output('private_subnet_ids', privateSubnets.map((s) => s.id));
    output('public_subnet_cidrs', publicSubnets.map((s) => s.cidrBlock));
    output('private_subnet_cidrs', privateSubnets.map((s) => s.cidrBlock));
    output('availability_zones', [Fn.element(zones.names, 0), Fn.element(zones.names, 1)]);
  }
}
