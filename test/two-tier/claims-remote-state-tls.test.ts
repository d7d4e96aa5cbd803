/**
 * The two-tier lab's claim book for two questions, remote state and end-to-end TLS through the ALB: statements in
 * many wordings → the verdict a careful reviewer would give, judged on the recorded moto reference evidence. Pure
 * and fast: no I/O beyond reading the JSON evidence.
 */
import { describe, expect, it } from 'vitest';
import twoTierLab from '../../labs/two-tier.ts';
import type { Lab } from '../../src/labs/lab.ts';
import type { TwoTierEvidence } from '../../checks/two-tier/evidence.ts';
import { observers } from '../../checks/two-tier/observe.ts';
import { judgeAlone, routeStatement, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import type { Observer } from '../../src/claims/types.ts';

const lab = twoTierLab as unknown as Lab;
const reference = loadReferenceEvidence().get('two-tier')!.evidence as TwoTierEvidence;
const RS = 'two-tier/remote-state';
const TLS = 'two-tier/alb-end-to-end-tls';

function judge(statement: string, question: string, evidence: TwoTierEvidence = reference) {
  return judgeAlone(statement, [lab], new Map([['two-tier', evidence]]), () => 'moto', question);
}
const verdict = (statement: string, question: string, evidence?: TwoTierEvidence) => statementVerdict(judge(statement, question, evidence).claims);
const clone = (): TwoTierEvidence => structuredClone(reference);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

/** Remote state: paraphrases of the facts the question turns on, right and wrong, in wordings of our own. */
const remoteState: [string, Expect][] = [
  // the mechanism
  ['The application configuration reads the VPC values through a terraform_remote_state data source.', 'confirmed'],
  ["Use the remote state data source in the app stack to pull values from the network stack's state.", 'confirmed'],
  ['You declare data "terraform_remote_state" "net" in the app code and read the network values from it.', 'confirmed'],
  ["You have to run terraform import in the app tier to pull in the network tier's values.", 'contradicted'],
  // the backend it reads
  ['The data source is configured with backend = "s3" plus the bucket, key and region of the network state.', 'confirmed'],
  ['Point the remote state block at the S3 backend where the network tier keeps its tfstate.', 'confirmed'],
  ["The remote state data source reads the network tier's state from the local backend on a laptop.", 'contradicted'],
  ['The network state is stored in a DynamoDB table, which the remote state data source reads.', 'contradicted'],
  // only root-module outputs
  ["Through remote state you can reach only the network tier's root-level outputs, not its resources.", 'confirmed'],
  ['Only the values the producer stack exports as outputs are readable by the consumer.', 'confirmed'],
  ['terraform_remote_state exposes all resource attributes of the other configuration, not just outputs.', 'contradicted'],
  ['From the application tier you can query every resource of the network state directly.', 'contradicted'],
  ['The network configuration must declare an output for every value the application tier wants to consume.', 'confirmed'],
  ['The base network stack does not need any outputs for the app tier to read its subnet ids.', 'contradicted'],
  // nested modules
  ['Values from a nested module are hidden unless the network root module passes them through as its own outputs.', 'confirmed'],
  ['An output defined inside a child module has to be re-exported by the root module before the app tier can read it.', 'confirmed'],
  ['Outputs of child modules are exposed through remote state automatically.', 'contradicted'],
  ['Nested module outputs can be read by the app tier without re-exporting them at the root.', 'contradicted'],
  // the outputs attribute
  ['Reference a value as data.terraform_remote_state.vpc.outputs.vpc_id in Terraform 0.12 and later.', 'confirmed'],
  ["Every remote value sits under the data source's outputs attribute.", 'confirmed'],
  ['You reference it as data.terraform_remote_state.vpc.vpc_id, no outputs part needed.', 'contradicted'],
  ['In current Terraform the network outputs are top-level attributes of the data source.', 'contradicted'],
  // access to the whole state
  ["The app tier's credentials must be able to read the complete network state snapshot, which can contain secrets.", 'confirmed'],
  ['Anyone using terraform_remote_state needs access to the full state file, not just its outputs.', 'confirmed'],
  ['The consumer only needs permission to read the outputs, so its IAM policy can stay narrow.', 'contradicted'],
  ["The app tier's IAM role can be scoped down to the outputs alone.", 'contradicted'],
  // other ways, and HashiCorp's advice
  ['terraform_remote_state is one option; publishing values to SSM Parameter Store and reading them with a data source is another.', 'confirmed'],
  ['You could also skip remote state and look the VPC up by its tags with the aws_vpc data source.', 'confirmed'],
  ['There is no other way than terraform_remote_state to get the network values into the app tier.', 'contradicted'],
  ['The only option for sharing values between the two configurations is remote state.', 'contradicted'],
  ['HashiCorp recommends terraform_remote_state as the preferred way to share outputs.', 'imprecise'],
  ['Using remote state is the best practice for sharing data between Terraform configurations.', 'imprecise'],
  ['HashiCorp suggests publishing shared values explicitly, e.g. to SSM, instead of relying on remote state.', 'confirmed'],
  // apply order, locking, sensitive outputs
  ['The network tier has to be applied before the app tier, otherwise there are no outputs to read.', 'confirmed'],
  ['The two tiers can be applied in any order.', 'contradicted'],
  ['Apply the app tier first and the network tier afterwards.', 'contradicted'],
  ["The S3 backend can lock the state with a lock file or a DynamoDB table so two applies don't collide.", 'confirmed'],
  ['The S3 backend cannot lock state.', 'contradicted'],
  ['State locking on S3 always requires a DynamoDB table.', 'contradicted'],
  ['The S3 backend always locks the state automatically.', 'imprecise'],
  ["Marking the output sensitive hides it from the app tier's remote state.", 'contradicted'],
  ['Sensitive outputs are still stored in plain text in the state file.', 'confirmed'],
  // vague or off topic: nothing to check, never confirmed for being on topic
  ['Terraform is a great tool for infrastructure.', 'unjudged'],
  ['State files are important.', 'unjudged'],
  ['Remote state is a Terraform feature.', 'unjudged'],
  ['Each tier has its own state file.', 'unjudged'],
];

/** End-to-end TLS through the ALB. */
const endToEnd: [string, Expect][] = [
  // listener and certificate
  ["Attach an ACM certificate to the ALB's HTTPS listener.", 'confirmed'],
  ['The HTTPS listener needs a server certificate, either issued by ACM or imported into it.', 'confirmed'],
  ['Request a public certificate in AWS Certificate Manager and select it on the listener.', 'confirmed'],
  ['An HTTPS listener works without a certificate, AWS sorts that out.', 'contradicted'],
  ['The load balancer creates its own certificate automatically for the HTTPS listener.', 'contradicted'],
  // security policy
  ['Pick an ELB security policy on the listener; it controls the TLS protocol versions and ciphers offered to clients.', 'confirmed'],
  ['The security policy decides which IP addresses may reach the ALB.', 'contradicted'],
  // the client-facing protocol
  ['Clients reach the load balancer over HTTPS on port 443.', 'confirmed'],
  ['Put an HTTPS listener on the ALB for the incoming connections.', 'confirmed'],
  ['Clients talk plain HTTP to the ALB, which then encrypts the traffic to the servers.', 'contradicted'],
  // target group protocol
  ["Set the target group's protocol to HTTPS so the ALB re-encrypts traffic to the instances.", 'confirmed'],
  ['Use an HTTPS target group; that is what makes the load balancer speak TLS to the backends.', 'confirmed'],
  ['An HTTP target group is enough, the ALB keeps the traffic encrypted to the servers anyway.', 'contradicted'],
  ['Leave the target group on HTTP port 80 for end-to-end encryption.', 'contradicted'],
  // termination
  ["The ALB terminates the client's TLS session and opens a second TLS connection to the target.", 'confirmed'],
  ["The ALB passes the client's encrypted traffic straight through to the servers without decrypting it.", 'contradicted'],
  ['The same TLS session runs from the browser all the way to the instance.', 'contradicted'],
  // target certificates
  ['The load balancer does not verify the backend certificates, so a self-signed one is enough.', 'confirmed'],
  ['Expired or self-signed certificates on the targets are accepted by the ALB.', 'confirmed'],
  ["The ALB checks each target's certificate against a trusted CA.", 'contradicted'],
  ['A self-signed certificate on the instances gets rejected by the load balancer.', 'contradicted'],
  ['Each target needs a certificate and private key of its own to serve HTTPS.', 'confirmed'],
  ['The targets need no certificate since the ALB holds it.', 'contradicted'],
  // health check protocol default
  ['Unless you change it, the health check protocol of an ALB target group is HTTP, even for HTTPS targets.', 'confirmed'],
  ['By default the ALB health checks go over HTTP.', 'confirmed'],
  ['The health check automatically uses the target group protocol, so HTTPS targets get HTTPS checks without any setting.', 'contradicted'],
  ['The default health check protocol is HTTPS when the target group is HTTPS.', 'contradicted'],
  // backend security group
  ["Let the instances' security group accept 443 only from the load balancer's security group.", 'confirmed'],
  ['In the backend security group, reference the ALB security group as the source instead of IP ranges.', 'confirmed'],
  ["Security groups can't reference the ALB's security group, so allow the ALB subnet CIDRs.", 'contradicted'],
  ['Open the backend security group to 0.0.0.0/0 on 443.', 'contradicted'],
  ['Allow the VPC CIDR on 443 in the backend SG.', 'imprecise'],
  // redirect
  ['Have the port-80 listener answer with a redirect to HTTPS so nobody stays on plain HTTP.', 'confirmed'],
  ['A redirect action on the HTTP listener sends visitors to https:// on 443.', 'confirmed'],
  ['An ALB listener cannot redirect HTTP to HTTPS; you need nginx for that.', 'contradicted'],
  // what the backends must do
  ['Make the instances send their outbound traffic over TLS.', 'imprecise'],
  ['The web servers must accept TLS connections from the ALB on the target port.', 'confirmed'],
  // can an ALB do it at all
  ['An ALB can do end-to-end encryption when the target group uses HTTPS.', 'confirmed'],
  ['End-to-end encryption is impossible with an ALB; you need an NLB with TCP passthrough.', 'contradicted'],
  // vague or off topic
  ['Encryption keeps data safe.', 'unjudged'],
  ['The ALB is a managed service.', 'unjudged'],
  ['Monitor the load balancer and the servers regularly.', 'unjudged'],
  ['Test the setup with curl afterwards.', 'unjudged'],
];

/**
 * More wordings of the same facts, written as a held-out check (different vocabulary, labels, typos, hedges, two
 * claims in one sentence, right statements with a "not" in them) and kept here once they passed.
 */
const moreRemoteState: [string, Expect][] = [
  ["The consuming workspace can only get at values that the VPC project declares as outputs in its root module.", "confirmed"],
  ["Whatever resources exist in the network state, e.g. aws_subnet.private, can be referenced straight from the app code via remote state.", "contradicted"],
  ["Without output blocks in the network layer, there is nothing for terraform_remote_state to return.", "confirmed"],
  ["A value produced inside a nested module only becomes reachable once the top-level module republishes it as an output.", "confirmed"],
  ["Module outputs deep in the network code show up in remote state on their own.", "contradicted"],
  ["Since 0.12 you go through the .outputs map, like data.terraform_remote_state.core.outputs.subnet_a.", "confirmed"],
  ["The network's outputs are attributes directly on the data.terraform_remote_state object, e.g. data.terraform_remote_state.core.subnet_a.", "contradicted"],
  ["the app layer uses a terraform_remote_state block: backend = \"s3\", config = { bucket, key, region } of the network state", "confirmed"],
  ["Caveat: reading remote state means the app pipeline can download the whole network tfstate, including any passwords in it.", "confirmed"],
  ["Because remote state exposes outputs alone, the app tier's permissions never have to cover the full state file.", "contradicted"],
  ["You don't have to use remote state at all: the network tier can write the ids to Parameter Store and the app tier reads them back.", "confirmed"],
  ["terraform_remote_state is the one mechanism Terraform offers for cross-stack values.", "contradicted"],
  ["Terraform's docs push remote state as the recommended pattern for sharing values.", "imprecise"],
  ["HashiCorp advises publishing the values to a separate store when possible instead of relying on terraform_remote_state.", "confirmed"],
  ["i used terraform_remote_state pointing at the s3 bucket/key of the network tier", "confirmed"],
  ["The network stack must already be deployed so its state has outputs before you plan the app stack.", "confirmed"],
  ["It doesn't matter which tier you apply first.", "contradicted"],
  ["Remote state gives you the network values read-only; the app tier cannot change the network state through it.", "unjudged"],
  ["Outputs flagged sensitive = true are still in the state in clear text, so remote state readers can see them.", "confirmed"],
  ["Setting sensitive = true keeps an output secret from other configurations reading the state.", "contradicted"],
  ["The S3 backend supports state locking via use_lockfile.", "confirmed"],
  ["You can't get locking on S3 without a DynamoDB table.", "contradicted"],
  ["Another approach is the aws_vpc data source with a tag filter, so no state sharing is needed.", "confirmed"],
  ["Remote state only exposes the network tier's outputs, not the resources themselves.", "confirmed"],
  ["Data sources let Terraform read information defined outside the configuration.", "unjudged"],
  ["Only outputs declared at the top level of the network configuration are visible to the app stack, e.g. the subnet ids.", "confirmed"],
  ["Through the data source the app configuration can pull any attribute of any network resource, so outputs are optional.", "contradicted"],
  ["When the subnets come from a submodule, the network root has to wrap them in its own output blocks or the app tier can't see them.", "confirmed"],
  ["Values returned by a submodule are automatically available to other configurations through remote state.", "contradicted"],
  ["Usage looks like data.terraform_remote_state.net.outputs.vpc_id.", "confirmed"],
  ["Usage looks like data.terraform_remote_state.net.vpc_id, outputs are exposed as direct attributes.", "contradicted"],
  ["app stack: data source terraform_remote_state, backend s3, config with the bucket name + key of the netwrok state", "confirmed"],
  ["Note that the consumer's role needs s3:GetObject on the complete network state object, sensitive values included.", "confirmed"],
  ["The app pipeline only ever has access to the exported outputs, never to the rest of the state file.", "contradicted"],
  ["Besides remote state you can share ids via SSM parameters or by querying resources with data sources and tag filters.", "confirmed"],
  ["terraform_remote_state is the only possible way to share values across configurations.", "contradicted"],
  ["remote state is what HashiCorp recommends for sharing data across root modules.", "imprecise"],
  ["I think remote state is the recommended approach for cross-configuration data.", "imprecise"],
  ["Terraform reads the network outputs from the latest state snapshot in the S3 bucket.", "unjudged"],
  ["The app tier reads the outputs from the S3 backend where the network state lives.", "confirmed"],
  ["Resource attributes from the network state are not exposed, only its outputs.", "confirmed"],
  ["The app tier can reach every resource attribute of the network configuration.", "contradicted"],
  ["Child module outputs are not visible unless passed through at the root.", "confirmed"],
  ["Deploy the network layer first so that its outputs exist when the app layer runs plan.", "confirmed"],
  ["The app configuration can be deployed before the network one; Terraform waits for the outputs.", "contradicted"],
  ["A sensitive output is still written to the state, so anyone reading the state sees it.", "confirmed"],
  ["Outputs marked sensitive cannot be read by the app tier through remote state.", "contradicted"],
  ["The S3 backend locks the state with use_lockfile so two people can't apply at once.", "confirmed"],
  ["S3 state can't be locked at all.", "contradicted"],
  ["Just hard-code the VPC id in the app tier.", "unjudged"],
  ["Step 2: in the app code add data \"terraform_remote_state\" \"network\" { backend = \"s3\" config = {...} }.", "confirmed"],
  ["The remote state data source can read both outputs and every resource inside the other state.", "contradicted"],
  ["It's the root module's outputs, and nothing else, that terraform_remote_state hands back.", "confirmed"],
  ["you dont need outputs in the network tier, remote state reads the resources directly", "contradicted"],
  ["If the VPC lives in a module, you must output module.vpc.vpc_id again in the network root so the app can read it.", "confirmed"],
  ["Outputs from modules called by the network configuration are directly readable from the app tier.", "contradicted"],
  ["From 0.12 on the syntax is data.terraform_remote_state.<name>.outputs.<output>.", "confirmed"],
  ["Outputs are reached without the outputs attribute: data.terraform_remote_state.vpc.subnet_id.", "contradicted"],
  ["Security-wise, the reader of remote state can download all of the network state, secrets too.", "confirmed"],
  ["Reading remote state does not require access to the whole state, only to the outputs.", "contradicted"],
  ["Alternatives: write values into SSM Parameter Store from the network tier and read them with the aws_ssm_parameter data source.", "confirmed"],
  ["There's no alternative to terraform_remote_state for this.", "contradicted"],
  ["Terraform recommends remote state over any other method.", "imprecise"],
  ["HashiCorp's docs actually prefer explicitly publishing the data somewhere like SSM rather than remote state.", "confirmed"],
  ["The state backend is S3, and the app tier's remote state config points to the same bucket and key.", "confirmed"],
  ["The state for the network tier is kept on local disk, the app tier reads it with backend local.", "contradicted"],
  ["terraform_remote_state also works with other backends such as gcs or azurerm.", "unjudged"],
  ["Plan the network tier after the app tier.", "contradicted"],
  ["The network team does not have to give the app team access to the AWS console, only to the state bucket object.", "unjudged"],
  ["terraform_remote_state doesn't expose resource attributes of the other state, just its outputs.", "confirmed"],
  ["Remote state can't see outputs of nested modules unless the root module re-exports them.", "confirmed"],
  ["Without re-exporting at the root, nested module outputs stay invisible to remote state.", "confirmed"],
  ["You don't need terraform_remote_state if you look the subnets up by tag with a data source.", "confirmed"],
  ["remote state isnt the only option, ssm parameter store works too", "confirmed"],
  ["The app tier never needs to read the full network state.", "contradicted"],
  ["Remote state is not what HashiCorp recommends first; they prefer explicitly published values.", "confirmed"],
  ["Don't apply the app tier before the network tier exists.", "confirmed"],
  ["The data source is read-only, so it never changes the network state.", "unjudged"],
  ["A child module's outputs are not visible to the app tier directly.", "confirmed"],
  ["The app tier doesn't need the network tier to declare outputs.", "contradicted"],
  ["Terraform 0.11 used data.terraform_remote_state.x.attr, but 0.12 and later need .outputs.attr.", "confirmed"],
  ["The bucket used by the S3 backend should have versioning enabled.", "unjudged"],
  ["Sensitive outputs are not hidden from anyone who can read the state.", "confirmed"],
  ["What the app tier gets from remote state is limited to the root outputs of the network tier, like the VPC id.", "confirmed"],
  ["- the consumer only has access to values the producer exposes via output blocks in its root module", "confirmed"],
  ["Every resource the network tier manages is readable from the app tier, so you never need to write outputs.", "contradicted"],
  ["The application tier can read resource attributes such as aws_vpc.main.cidr_block from the network state without any outputs.", "contradicted"],
  ["Values created inside a child module won't reach the app tier unless the root module declares an output for each of them.", "confirmed"],
  ["A nested module's outputs must be passed through by root-level outputs before another configuration can use them.", "confirmed"],
  ["Child-module outputs are available to the consuming configuration directly, there's no need to re-declare them at the root.", "contradicted"],
  ["Whatever a submodule outputs can be read straight away by the app tier.", "contradicted"],
  ["Access values with data.terraform_remote_state.base.outputs.subnet_ids (note the outputs part).", "confirmed"],
  ["Each value is an attribute of the outputs object of the data source.", "confirmed"],
  ["You can just write data.terraform_remote_state.base.subnet_ids to read an output.", "contradicted"],
  ["The remote outputs appear as top-level attributes of the terraform_remote_state data source.", "contradicted"],
  ["Configure it with backend \"s3\" and a config block giving bucket, key and region.", "confirmed"],
  ["appl tier: data terraform_remote_state, backend = s3, bucket/key of the network tier's tfstate", "confirmed"],
  ["Be aware the app tier's role must be able to read the entire network state file, which may include secrets.", "confirmed"],
  ["Reading remote state requires read permissions on the whole state snapshot, not just the outputs.", "confirmed"],
  ["Since only the outputs are exposed, you can give the app tier permission to just those outputs and keep the rest of the state private.", "contradicted"],
  ["Access for the app tier can be restricted to the network outputs only.", "contradicted"],
  ["Other options exist: parameters in SSM, or data sources that find the VPC and subnets by their tags.", "confirmed"],
  ["Remote state is one option; you can also publish values to Parameter Store.", "confirmed"],
  ["terraform_remote_state is the only mechanism for sharing values between separately managed configurations.", "contradicted"],
  ["Sharing values between tiers can only be done with remote state.", "contradicted"],
  ["Using terraform_remote_state is the recommended way of sharing data per the Terraform docs.", "imprecise"],
  ["HashiCorp recommends the terraform_remote_state data source for sharing outputs between configurations.", "imprecise"],
  ["Remote state: exposes just the root module outputs (vpc_id, subnet ids), nothing from resources.", "confirmed"],
  ["I believe the app tier can see the network tier's resources directly, no outputs required.", "contradicted"],
  ["Outputs that live in a sub-module have to be re-exported from the root, then remote state sees them.", "confirmed"],
  ["Nested modules: their outputs come through remote state without anything extra in the root.", "contradicted"],
  ["Reference: data.terraform_remote_state.network.outputs.vpc_id", "confirmed"],
  ["Reference: data.terraform_remote_state.network.vpc_id (outputs are top level)", "contradicted"],
  ["Backend for the lookup is s3 and the config has bucket, key, region.", "confirmed"],
  ["rmeote state needs the whole state readable by the app tier, secrets included", "confirmed"],
  ["The app tier only ever reads the outputs, so it never sees any of the rest of the network state.", "contradicted"],
  ["Alternatives to remote state: SSM Parameter Store, or aws_vpc / aws_subnets data sources filtered by tags.", "confirmed"],
  ["Without terraform_remote_state there is no way for the app tier to get the network ids.", "contradicted"],
  ["Remote state is the officially recommended way to share values between Terraform configurations.", "imprecise"],
  ["The app tier reads the network outputs through remote state, which is the approach HashiCorp recommends.", "imprecise"],
  ["The app tier gets the network outputs through terraform_remote_state, and anyone running it needs read access to the full network state.", "confirmed"],
  ["The app tier gets the network outputs through terraform_remote_state, and it can see every resource in that state.", "contradicted"],
  ["Remote state doesn't give you arbitrary attributes from the network state, just what's in its outputs.", "confirmed"],
  ["With terraform_remote_state the app tier can read any attribute of the network tier's aws_vpc resource.", "contradicted"],
  ["Module-level outputs inside the network config aren't visible until they're surfaced as root outputs.", "confirmed"],
  ["Outputs of called modules propagate to remote state consumers automatically.", "contradicted"],
  ["Since Terraform 0.12 the values hang off the data source's outputs attribute.", "confirmed"],
  ["Since 0.12 you read them as direct attributes of data.terraform_remote_state.x, without .outputs.", "contradicted"],
  ["The data block uses backend \"s3\" with the network state's bucket, key and region in its config.", "confirmed"],
  ["Anyone allowed to read those outputs can also read the whole network state file.", "confirmed"],
  ["Read access can be granted to the outputs alone while the rest of the state stays hidden.", "contradicted"],
  ["There are other ways to pass the VPC id, e.g. SSM parameters.", "confirmed"],
  ["Remote state is the single way to pass data between the two configurations.", "contradicted"],
  ["HashiCorp's preferred method for sharing data between configurations is terraform_remote_state.", "imprecise"],
  ["Terraform recommends terraform_remote_state as best practice for cross-configuration data.", "imprecise"],
  ["app tier -> terraform_remote_state (backend=s3) -> reads network outputs", "confirmed"],
  ["Only root-level output values of the network state are exposed to the app tier; its resource data is not.", "confirmed"],
  ["You can pull the ID of any resource in the other state through terraform_remote_state even if it isn't an output.", "contradicted"],
  ["Anything defined in a nested module must be passed through a root output first, otherwise remote state won't see it.", "confirmed"],
  ["Remote state exposes the outputs of nested modules too, so no passthrough outputs are needed.", "contradicted"],
  ["The outputs attribute of the data source holds the remote root outputs (Terraform 0.12+).", "confirmed"],
  ["Remote outputs are read directly as attributes of the data source, e.g. data.terraform_remote_state.vpc.private_subnets.", "contradicted"],
  ["config for the data source: bucket = network state bucket, key = network.tfstate, region = us-east-1, with backend s3", "confirmed"],
  ["Giving the app tier remote state access means it can read the full network state snapshot, sensitive bits included.", "confirmed"],
  ["The app tier can't see anything in the network state except the outputs, even with raw access to the bucket.", "contradicted"],
  ["Remote state is one way; publishing with aws_ssm_parameter and reading with data.aws_ssm_parameter is another.", "confirmed"],
  ["Nothing but terraform_remote_state lets one configuration read values from another.", "contradicted"],
  ["HashiCorp recommends remote state for sharing data between configurations.", "imprecise"],
];

const moreEndToEnd: [string, Expect][] = [
  ["2. Create an HTTPS:443 listener and pick the ACM cert for the domain as its default certificate.", "confirmed"],
  ["The ALB makes up a self-signed certificate by itself if you don't give the HTTPS listener one.", "contradicted"],
  ["Choose a TLS security policy (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06) to control protocol versions and cipher suites toward clients.", "confirmed"],
  ["Target group: protocol HTTPS, port 443, so traffic between the load balancer and the instances is encrypted again.", "confirmed"],
  ["Keeping the target group on HTTP still gives end-to-end encryption as long as the front listener uses HTTPS.", "contradicted"],
  ["With an HTTP target group the ALB forwards requests to the instances in plaintext.", "confirmed"],
  ["The instances can use a self signed cert, the load balancer won't check it.", "confirmed"],
  ["The backends need certificates from a public CA, otherwise the ALB refuses to connect.", "contradicted"],
  ["Even on an HTTPS target group the health checks use HTTP unless you switch them to HTTPS.", "confirmed"],
  ["The health checks automatically follow the target group protocol, so with HTTPS targets they're HTTPS too.", "contradicted"],
  ["Instance security group: allow 443 inbound with the load balancer's SG as source.", "confirmed"],
  ["You can't put a security group as the source of an ingress rule, only CIDR blocks.", "contradicted"],
  ["Port 80 listener with a redirect rule to HTTPS 443 (HTTP 301).", "confirmed"],
  ["5. Make the EC2 instances use HTTPS for the traffic they send out.", "imprecise"],
  ["Install a cert and key on each backend so nginx can serve HTTPS on 443.", "confirmed"],
  ["The ALB decrypts the request, so it can route on paths, then re-encrypts it towards the target.", "confirmed"],
  ["An ALB just forwards the encrypted TLS stream to the targets without terminating it.", "contradicted"],
  ["ACM certs attached to the listener: the ALB terminates client TLS with them.", "confirmed"],
  ["Clients connect to the ALB using HTTPS.", "confirmed"],
  ["Open the instances' security group on 443 to the whole internet so the ALB can reach them.", "contradicted"],
  ["The security group of the web servers should only accept connections coming from the ALB security group.", "confirmed"],
  ["TLS is a protocol for secure communication.", "unjudged"],
  ["Health checks default to HTTP, not HTTPS, so configure HTTPS health checks explicitly.", "confirmed"],
  ["The targets dont need to have any certificate.", "contradicted"],
  ["HTTPS listener (443) with an ACM-issued certificate and a modern TLS policy.", "confirmed"],
  ["The HTTPS listener doesn't need a certificate because AWS generates one automatically.", "contradicted"],
  ["The listener's SSL policy picks the TLS protocol versions and ciphers the ALB negotiates with browsers.", "confirmed"],
  ["4) TG protocol HTTPS:443 - the load balancer starts a fresh TLS session to every instance.", "confirmed"],
  ["4) TG protocol HTTP:80 is fine since the HTTPS listener already encrypts everything up to the instances.", "contradicted"],
  ["Targets can run with a self-signed certificate since the load balancer never validates it.", "confirmed"],
  ["The ALB verifies the backend certificate chain, so self-signed certs break the connection.", "contradicted"],
  ["Note: HTTPS target groups still get HTTP health checks by default; switch the health check protocol to HTTPS.", "confirmed"],
  ["Health checks on an HTTPS target group use HTTPS by default, nothing to change.", "contradicted"],
  ["Backend security group: only port 443 from the ALB security group, no CIDR ranges.", "confirmed"],
  ["Backend security group: you have to list the ALB's IPs because security groups can't be used as a rule source.", "contradicted"],
  ["Also set up an HTTP listener that redirects everything to HTTPS.", "confirmed"],
  ["The web servers should encrypt their outbound traffic with HTTPS.", "imprecise"],
  ["The ALB offloads TLS and then re-encrypts the request to the backend.", "confirmed"],
  ["Traffic from the ALB to the targets is plain HTTP even with an HTTPS listener, unless the target group uses HTTPS.", "confirmed"],
  ["The listener certificate can come from ACM or be imported into ACM.", "confirmed"],
  ["The load balancer rejects expired target certificates.", "contradicted"],
  ["Every instance needs its own TLS cert and key so it can answer HTTPS from the ALB.", "confirmed"],
  ["The backend instances don't need certificates, the ALB certificate covers them.", "contradicted"],
  ["Put a certificate on the load balancer.", "confirmed"],
  ["Use HTTPS everywhere.", "unjudged"],
  ["Use an Application Load Balancer.", "unjudged"],
  ["1) Get a cert in ACM (or import one), 2) add an HTTPS listener using it.", "confirmed"],
  ["No certificate is required on the HTTPS listener.", "contradicted"],
  ["The ALB needs an HTTPS target group, otherwise the hop to the instances is unencrypted.", "confirmed"],
  ["Target group protocol doesnt matter for encryption, HTTP works just as well.", "contradicted"],
  ["The ALB accepts any certificate on the instances, even an expired one.", "confirmed"],
  ["Self-signed certificates on the targets cause the ALB health checks and requests to fail.", "contradicted"],
  ["health check protocol: HTTP by default, even with HTTPS targets", "confirmed"],
  ["The health check protocol defaults to whatever the target group uses.", "contradicted"],
  ["Restrict the EC2 instances' security group so that 443 is only reachable from the load balancer security group.", "confirmed"],
  ["Allow inbound 443 on the backend SG from 0.0.0.0/0 since the ALB has no fixed address.", "contradicted"],
  ["HTTP:80 listener -> redirect to HTTPS:443.", "confirmed"],
  ["The servers' egress should be TLS.", "imprecise"],
  ["TLS is terminated at the ALB and a new TLS connection is opened to the target.", "confirmed"],
  ["The client's TLS connection goes untouched through the ALB to the web server.", "contradicted"],
  ["The instances need a TLS certificate too.", "confirmed"],
  ["The certificate only has to be on the load balancer, not on the servers.", "contradicted"],
  ["With an HTTPS listener alone, the traffic is only encrypted up to the ALB.", "confirmed"],
  ["Choose ELBSecurityPolicy-TLS13-1-2-2021-06 so only TLS 1.2 and 1.3 are offered.", "unjudged"],
  ["The listener security policy controls which ciphers and TLS versions are allowed.", "confirmed"],
  ["The ALB does not pass TLS through; it terminates it and re-encrypts.", "confirmed"],
  ["Don't leave the target group on HTTP if you want encryption to the instances.", "confirmed"],
  ["Self-signed certificates on the targets are not a problem for the ALB.", "confirmed"],
  ["The ALB does not check whether target certificates are expired.", "confirmed"],
  ["The backend security group should not allow 0.0.0.0/0.", "confirmed"],
  ["Health checks don't use HTTPS by default.", "confirmed"],
  ["The HTTPS listener can't work without a certificate.", "confirmed"],
  ["Clients never talk to the instances directly, only to the ALB.", "unjudged"],
  ["The ALB security group allows 443 and 80 from anywhere.", "unjudged"],
  ["For TLS passthrough you'd need an NLB with a TCP listener instead.", "unjudged"],
  ["The redirect from HTTP to HTTPS is done with a listener rule, not on the instances.", "confirmed"],
  ["The web servers don't validate the ALB's certificate either.", "unjudged"],
  ["A certificate from ACM cannot be installed on EC2 instances directly.", "unjudged"],
  ["The target group should not be HTTP.", "confirmed"],
  ["The backends do not send anything over HTTPS themselves; they only answer the ALB's TLS connections.", "confirmed"],
  ["Nobody can reach the instances except through the ALB security group.", "confirmed"],
  ["a) Listener: HTTPS on port 443, certificate from ACM attached, TLS security policy picked for clients.", "confirmed"],
  ["The ALB's HTTPS listener uses an ACM certificate as its default server certificate.", "confirmed"],
  ["a) Listener: HTTPS on 443 without any certificate; the load balancer creates one on its own.", "contradicted"],
  ["You don't need to provide a certificate for the ALB's HTTPS listener.", "contradicted"],
  ["b) target group uses HTTPS on port 443, so the ALB makes a separate TLS connection to each backend", "confirmed"],
  ["Setting the target group protocol to HTTPS is what makes the ALB encrypt traffic to the targets.", "confirmed"],
  ["b) an HTTP target group is enough because the HTTPS listener already keeps traffic encrypted up to the instances", "contradicted"],
  ["The target group can stay on HTTP; the ALB's HTTPS listener encrypts the whole path to the servers.", "contradicted"],
  ["It's fine for the instances to present self-signed certificates, since the load balancer does not verify them.", "confirmed"],
  ["The ALB doesn't check target certificates, so expired or self-signed ones are okay.", "confirmed"],
  ["The web servers need a CA-signed certificate because the ALB verifies the certificates of its targets.", "contradicted"],
  ["Self-signed certs on the instances will be rejected by the ALB.", "contradicted"],
  ["Even when the target group uses HTTPS, health checks default to HTTP, so you set HTTPS for them yourself.", "confirmed"],
  ["The health check protocol is HTTP unless you set it, regardless of the target group's protocol.", "confirmed"],
  ["With an HTTPS target group, the health checks automatically switch to HTTPS.", "contradicted"],
  ["Health checks on HTTPS target groups are HTTPS out of the box.", "contradicted"],
  ["c) backend SG allows 443 only from the ALB's security group (referenced by ID, not by IP range).", "confirmed"],
  ["The instance SG's inbound rule should use the load balancer's security group as its source.", "confirmed"],
  ["c) backend SG: security groups can't be a rule source, so use the load balancer's IP addresses.", "contradicted"],
  ["You cannot reference the ALB security group in the backend security group's inbound rules.", "contradicted"],
  ["Create a port 80 HTTP listener with a default action that redirects clients to HTTPS on 443.", "confirmed"],
  ["Plain HTTP requests on 80 get redirected to HTTPS by the ALB's listener.", "confirmed"],
  ["Configure the web servers to send their outgoing traffic over HTTPS.", "imprecise"],
  ["d) Web servers: make their outbound connections use TLS.", "imprecise"],
  ["Listener: HTTPS/443, cert from ACM, security policy ELBSecurityPolicy-TLS13-1-2-2021-06.", "confirmed"],
  ["Listener: HTTPS/443 with no cert needed, ALB auto-generates one.", "contradicted"],
  ["TG: HTTPS:443, the load balancer re-encrypts towards each instance.", "confirmed"],
  ["TG: HTTP:80 is fine, the HTTPS listener keeps it encrypted end to end.", "contradicted"],
  ["Backend certs can be self-signed, ALB does not validate them.", "confirmed"],
  ["Backend certs must be signed by a trusted CA since the ALB validates them.", "contradicted"],
  ["HC: defaults to HTTP even for an HTTPS TG, change it to HTTPS.", "confirmed"],
  ["HC: defaults to HTTPS for an HTTPS TG.", "contradicted"],
  ["SG: backend accepts 443 only from the ALB SG.", "confirmed"],
  ["SG: backend can't reference the ALB SG, so it allows the ALB's IPs.", "contradicted"],
  ["Redirect: HTTP 80 -> HTTPS 443 on the ALB.", "confirmed"],
  ["Backends: use HTTPS for their outbound traffic.", "imprecise"],
  ["The listener uses an ACM certificate and the target group uses HTTP.", "contradicted"],
  ["The ALB terminates TLS with an ACM cert and the targets use self-signed certs, which the ALB doesn't validate.", "confirmed"],
  ["The 443 listener must reference an ACM (or IAM) server certificate.", "confirmed"],
  ["An ALB HTTPS listener works fine with no certificate configured; AWS issues one automatically.", "contradicted"],
  ["Set the target group protocol to HTTPS so the ALB speaks TLS to the targets.", "confirmed"],
  ["Plain HTTP on the target group still keeps traffic encrypted between ALB and targets.", "contradicted"],
  ["Targets may present self-signed certificates because the ALB skips certificate validation on the backend connection.", "confirmed"],
  ["The ALB refuses targets whose certificates are self-signed.", "contradicted"],
  ["Even with an HTTPS target group the health check protocol stays HTTP unless changed.", "confirmed"],
  ["An HTTPS target group's health checks are HTTPS by default.", "contradicted"],
  ["Allow 443 into the instances only from the ALB security group.", "confirmed"],
  ["You can't use a security group as the source in the instances' ingress rule; list the ALB IPs.", "contradicted"],
  ["A listener on 80 that answers with a 301 to HTTPS.", "confirmed"],
  ["Set up the servers to encrypt outgoing traffic with HTTPS.", "imprecise"],
  ["Backend instances need HTTPS enabled for outgoing requests.", "imprecise"],
  ["the alb doesnt validate the backend certs so self signed is ok", "confirmed"],
  ["the alb validates backend certs so self signed wont work", "contradicted"],
  ["Step 1: HTTPS listener on port 443 using a certificate issued by ACM, and an ELB security policy that limits TLS versions/ciphers.", "confirmed"],
  ["Step 1: HTTPS listener on port 443; you skip the certificate because the ALB provides its own.", "contradicted"],
  ["The target group must be HTTPS; that way the ALB opens a TLS connection of its own to every target.", "confirmed"],
  ["An HTTP target group is OK since encryption at the listener covers the whole path to the targets.", "contradicted"],
  ["Because the ALB never validates the certificates on its targets, self-signed ones are acceptable.", "confirmed"],
  ["Self-signed certificates on the targets fail because the ALB checks them against trusted CAs.", "contradicted"],
  ["On an HTTPS target group, health checks still go over HTTP by default; configure HTTPS health checks if needed.", "confirmed"],
  ["On an HTTPS target group, health checks go over HTTPS by default, so nothing needs configuring.", "contradicted"],
  ["Backend security group: 443 inbound, source = ALB security group, no CIDR blocks.", "confirmed"],
  ["Backend security group: source can't be a security group, so add the ALB's addresses.", "contradicted"],
  ["An extra listener on port 80 just redirects every request to HTTPS on 443.", "confirmed"],
  ["Make sure the instances send outbound traffic using HTTPS.", "imprecise"],
];

/** Blind sets (written before the patterns were read or extended): remote state, in fresh wordings. */
const blindRemoteState: [string, Expect][] = [
  ["Only the outputs declared in the network config's root module can be read from the app tier.", 'confirmed'],
  ["terraform_remote_state gives you access to all the resources in the other state, like aws_vpc.main.id directly.", 'contradicted'],
  ["the network layer has to declare output blocks for anything the app layer wants to read", 'confirmed'],
  ["No outputs needed in the network stack, the remote state data source reads the resources themselves.", 'contradicted'],
  ["Resource attributes of the network tier aren't exposed through remote state, just its root outputs.", 'confirmed'],
  ["With remote state you can read any resource attribute from the network tier's state file.", 'contradicted'],
  ["Outputs of a nested module (e.g. module.vpc) are not reachable via remote state unless the root module passes them through as its own outputs.", 'confirmed'],
  ["Outputs from module \"vpc\" inside the network config are automatically available to the app tier through remote state.", 'contradicted'],
  ["Since the vpc module is called from the root, you have to re-export its vpc_id in an output block in the root module or the app tier can't see it.", 'confirmed'],
  ["child module outputs show up in the remote state on their own, no need to re-export them", 'contradicted'],
  ["Module outputs get exposed to terraform_remote_state without re-exporting.", 'contradicted'],
  ["You reference the values as data.terraform_remote_state.network.outputs.vpc_id.", 'confirmed'],
  ["Values are read with data.terraform_remote_state.net.vpc_id (no outputs in the path).", 'contradicted'],
  ["The remote outputs are under the outputs attribute of the data source.", 'confirmed'],
  ["Since 0.12 you don't need .outputs anymore, the values are top-level attributes of the data source.", 'contradicted'],
  ["The data source needs backend = \"s3\" and a config block with bucket, key and region of the network state.", 'confirmed'],
  ["In the app tier the remote state data source points to the same S3 bucket and key the network tier uses as its backend.", 'confirmed'],
  ["Whoever reads the remote state needs access to the full state snapshot, which may contain sensitive values.", 'confirmed'],
  ["Reading remote state only requires permission on the outputs, the rest of the state file stays hidden from the app tier.", 'contradicted'],
  ["You can grant the app pipeline read access to just the outputs of the network state and nothing else.", 'contradicted'],
  ["note: the app tier's credentials must be able to read the entire network state file, not only its outputs", 'confirmed'],
  ["An alternative to remote state: write the subnet IDs to SSM Parameter Store in the network tier and read them with a data source in the app tier.", 'confirmed'],
  ["The app tier could also find the VPC with a data \"aws_vpc\" lookup filtered by tag instead of using remote state.", 'confirmed'],
  ["terraform_remote_state is the only way for one config to consume values from another.", 'contradicted'],
  ["there's no other way to share the vpc id between the two tiers than remote state", 'contradicted'],
  ["Hashicorp recommends terraform_remote_state as the preferred way to share outputs between configurations.", 'imprecise'],
  ["Gotcha: remote state only gives you the other project's outputs, never its resources.", 'confirmed'],
  ["The app stack can pull any attribute of aws_subnet.private straight out of the network state without the network stack declaring outputs.", 'contradicted'],
  ["values from the vpc child module have to be wired up as root outputs first, otherwise terraform_remote_state won't return them", 'confirmed'],
  ["Nested module outputs are exposed by remote state just like root outputs.", 'contradicted'],
  ["Step 5: reference it as data.terraform_remote_state.vpc.outputs.public_subnet_ids in the ALB resource.", 'confirmed'],
  ["Outputs are accessed directly as data.terraform_remote_state.vpc.public_subnet_ids in current Terraform.", 'contradicted'],
  ["The remote state data source is configured with the s3 backend and the bucket/key/region of the network tier's state.", 'confirmed'],
  ["Read access to the network state bucket means the app side can see the whole state, including any secrets in it.", 'confirmed'],
  ["Since terraform_remote_state exposes only outputs, the app team never has access to sensitive data in the network state.", 'contradicted'],
  ["Instead of remote state, the network tier could publish the IDs as SSM parameters that the app tier reads.", 'confirmed'],
  ["The only option for cross-stack references in Terraform is the terraform_remote_state data source.", 'contradicted'],
  ["Using remote state is what HashiCorp recommends for sharing data across configurations.", 'imprecise'],
];

/** Blind sets: end-to-end TLS, in fresh wordings. */
const blindEndToEnd: [string, Expect][] = [
  ["An HTTPS listener requires at least one server certificate, e.g. from ACM.", 'confirmed'],
  ["The HTTPS listener works without a certificate; AWS creates a default one automatically.", 'contradicted'],
  ["you dont need a cert on the ALB listener, amazon takes care of it", 'contradicted'],
  ["Listener: HTTPS:443, certificate imported into ACM or IAM, security policy ELBSecurityPolicy-TLS13-1-2-2021-06.", 'confirmed'],
  ["The security policy on the listener decides which TLS protocol versions and ciphers are negotiated with clients.", 'confirmed'],
  ["The security policy on the HTTPS listener controls which certificate the targets use.", 'contradicted'],
  ["For end-to-end encryption the target group must use HTTPS so the ALB re-encrypts traffic to the instances.", 'confirmed'],
  ["With an HTTP target group behind an HTTPS listener, the traffic from the ALB to the instances is sent unencrypted.", 'confirmed'],
  ["An HTTPS listener alone is enough for end-to-end encryption; the target group can stay on HTTP.", 'contradicted'],
  ["The ALB decrypts the client's TLS and then opens a new TLS connection to the target when the target group protocol is HTTPS.", 'confirmed'],
  ["Even with an HTTP target group the ALB-to-target hop stays encrypted.", 'contradicted'],
  ["The targets can use a self-signed certificate, since the load balancer doesn't check it.", 'confirmed'],
  ["The ALB verifies the backend certificate against a trusted CA, so self-signed certs on the instances will fail.", 'contradicted'],
  ["Expired or self-signed certificates on the targets are accepted by the ALB.", 'confirmed'],
  ["targets need a certificate from a public CA, otherwise the ALB rejects the connection", 'contradicted'],
  ["The health check protocol defaults to HTTP even when the target group protocol is HTTPS.", 'confirmed'],
  ["Health checks automatically use the same protocol as the target group, so HTTPS here.", 'contradicted'],
  ["health_check protocol: by default HTTP, so set protocol = \"HTTPS\" in the health_check block if you want encrypted checks", 'confirmed'],
  ["By default the ALB health checks an HTTPS target group over HTTPS.", 'contradicted'],
  ["The instances' security group should allow 443 from the ALB's security group as source rather than from 0.0.0.0/0.", 'confirmed'],
  ["You can't reference the load balancer's security group in the backend rule, you have to use its IPs or the VPC CIDR.", 'contradicted'],
  ["Best practice: backend SG ingress references the ALB security group id as the source.", 'confirmed'],
  ["A port 80 listener with a redirect action to HTTPS 443 sends HTTP visitors to the secure site.", 'confirmed'],
  ["ALB listeners can't redirect HTTP to HTTPS, you need CloudFront or nginx for that.", 'contradicted'],
  ["The web servers need their own certificate and must listen for TLS on the target group port.", 'confirmed'],
  ["The instances don't need any certificate of their own for an HTTPS target group, the ALB's ACM cert covers them.", 'contradicted'],
  ["The ALB terminates the client's TLS connection; it does not pass it through to the targets.", 'confirmed'],
  ["The ALB just passes the encrypted traffic through to the instances without decrypting it.", 'contradicted'],
  ["The 443 listener has to reference an ACM certificate, otherwise you can't create it.", 'confirmed'],
  ["No need to attach a certificate to the HTTPS listener, the ALB generates a self-signed one.", 'contradicted'],
  ["The TLS protocols and ciphers offered to browsers come from the listener's security policy.", 'confirmed'],
  ["I set the target group to HTTPS:443 which makes the load balancer re-encrypt requests before sending them to the EC2 instances.", 'confirmed'],
  ["If the target group is HTTP, the hop from the ALB to the instances is plaintext.", 'confirmed'],
  ["Traffic to an HTTP target group is still encrypted as long as the listener uses HTTPS.", 'contradicted'],
  ["The load balancer does not verify the certificate presented by the targets, so a self-signed one works.", 'confirmed'],
  ["For HTTPS targets the ALB checks that the instance certificate is signed by a trusted CA.", 'contradicted'],
  ["Even on an HTTPS target group the health check protocol is HTTP unless you change it.", 'confirmed'],
  ["the health checks switch to HTTPS on their own once the target group is HTTPS", 'contradicted'],
  ["Instance SG only accepts 443 from the ALB's security group.", 'confirmed'],
  ["HTTP on port 80 gets redirected to HTTPS by a listener rule with a redirect action.", 'confirmed'],
  ["The targets don't need a certificate; the ALB's certificate is used on both legs.", 'contradicted'],
];

/** Right statements near the patterns' edges: never contradicted (unjudged is acceptable). */
const neverContradicted: [string, string][] = [
  [TLS, "You don't need a certificate on the listener for port 80, it only redirects."],
  [TLS, 'The HTTP listener has no certificate, it just redirects to 443.'],
  [TLS, "The targets need their own certificate, but you don't need one from a public CA on them."],
  [TLS, "The security policy doesn't decide which certificate is used; it sets the TLS versions and ciphers."],
  [TLS, 'With an HTTP target group the ALB-to-target hop is not encrypted.'],
  [RS, 'Child module outputs are not exposed by remote state like root outputs are, so re-export them.'],
  [RS, 'Nested module values must be declared as root outputs before the app tier can read them.'],
];

describe('blind sets: remote state', () => {
  it.each(blindRemoteState)('%s → %s', (statement, expected) => {
    expect(verdict(statement, RS)).toBe(expected);
  });
});

describe('blind sets: end-to-end TLS', () => {
  it.each(blindEndToEnd)('%s → %s', (statement, expected) => {
    expect(verdict(statement, TLS)).toBe(expected);
  });
});

describe('right statements near the edges are never contradicted', () => {
  it.each(neverContradicted)('%s: %s', (question, statement) => {
    expect(verdict(statement, question)).not.toBe('contradicted');
  });
});

describe('two-tier remote state: what a statement asserts decides its verdict', () => {
  it.each([...remoteState, ...moreRemoteState])('%s → %s', (statement, expected) => {
    expect(verdict(statement, RS)).toBe(expected);
  });
});

describe('two-tier end-to-end TLS: what a statement asserts decides its verdict', () => {
  it.each([...endToEnd, ...moreEndToEnd])('%s → %s', (statement, expected) => {
    expect(verdict(statement, TLS)).toBe(expected);
  });
});

/** Minimal pairs: one negation or one swapped value flips the verdict. */
const pairs: [string, string, string][] = [
  [RS, 'Remote state is not the only way to hand values from one tier to the next.', 'Remote state is the only way to hand values from one tier to the next.'],
  [RS, 'The consumer must be allowed to read the entire network state.', 'The consumer must not be allowed to read the entire network state.'],
  [RS, "Read them through data.terraform_remote_state.net.outputs.subnet_ids.", 'Read them through data.terraform_remote_state.net.subnet_ids.'],
  [RS, 'Apply the network tier first.', 'Apply the app tier first.'],
  [TLS, 'The ALB does not validate the certificates on the targets.', 'The ALB validates the certificates on the targets.'],
  [TLS, 'The target group protocol is HTTPS.', 'The target group protocol is HTTP.'],
  [TLS, 'Health checks default to HTTP.', 'Health checks default to HTTPS.'],
  [TLS, "The backend SG takes the ALB's security group as its source.", "The backend SG can't take the ALB's security group as its source."],
];

describe('minimal pairs', () => {
  it.each(pairs)('%s: "%s" is confirmed, "%s" is contradicted', (question, right, wrong) => {
    expect(verdict(right, question)).toBe('confirmed');
    expect(verdict(wrong, question)).toBe('contradicted');
  });
});

describe('observers read the recorded deployment', () => {
  it('remote state: the data source, its backend and the outputs it reads', () => {
    const mechanism = observers['rs.mechanism']!(reference, 'moto');
    expect(mechanism).toMatchObject({ status: 'observed', value: 'a terraform_remote_state data source' });
    const backend = observers['rs.backend']!(reference, 'moto');
    expect(backend).toMatchObject({ status: 'observed', value: 'the S3 backend (bucket, key, region)' });
    const [claim] = judge('The app tier uses terraform_remote_state with backend "s3".', RS).claims.filter((c) => c.aspect?.includes('backend') || c.aspect?.includes('finds'));
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/The lab observed: .*backend = "s3".*journal-lab-state-/);
    expect(claim.evidence[0]).toMatchObject({ kind: 'observed' });
  });

  it('remote state: the explanation names the outputs the app tier reads', () => {
    const claims = judge('You write data.terraform_remote_state.network.outputs.vpc_id in the app tier.', RS).claims;
    const attr = claims.find((c) => c.aspect?.includes('outputs are read'))!;
    expect(attr.verdict).toBe('confirmed');
    expect(attr.explanation).toMatch(/observed: .*outputs\.<name> for private_subnet_ids, public_subnet_ids, vpc_cidr, vpc_id/);
  });

  it('end-to-end TLS: target group protocol, listener certificate, security group source and redirect', () => {
    expect(observers['tls.target-protocol']!(reference, 'moto')).toMatchObject({ status: 'observed', value: 'HTTPS' });
    expect(observers['tls.listener-cert']!(reference, 'moto')).toMatchObject({ status: 'observed', summary: expect.stringMatching(/arn:aws:acm:.*IMPORTED/) });
    expect(observers['tls.backend-sg-source']!(reference, 'moto')).toMatchObject({ status: 'observed', value: "the ALB's security group" });
    expect(observers['tls.http-redirect']!(reference, 'moto')).toMatchObject({ status: 'observed', summary: expect.stringMatching(/HTTP:80 .* HTTPS:443/) });
    const tg = judge('The target group uses HTTPS.', TLS).claims[0];
    expect(tg.explanation).toMatch(/The lab observed: the ALB forwards to target group jl-\w+-tg with protocol HTTPS on port 443/);
  });

  it('what the deployment shows decides: an HTTP target group contradicts "the target group is HTTPS"', () => {
    const e = clone();
    const tg = e.targetGroups.find((t) => t.protocol === 'HTTPS')!;
    tg.protocol = 'HTTP';
    expect(verdict('The target group protocol is HTTPS so the ALB re-encrypts.', TLS, e)).toBe('contradicted');
    expect(verdict('The target group protocol is HTTPS so the ALB re-encrypts.', TLS)).toBe('confirmed');
  });

  it('a backend security group open to a CIDR is what the lab observes then', () => {
    const e = clone();
    e.securityGroups.backend.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'], sourceGroups: [] });
    expect(observers['tls.backend-sg-source']!(e, 'moto')).toMatchObject({ status: 'observed', value: 'anywhere (0.0.0.0/0)' });
    expect(verdict("The backend security group only lets in traffic from the ALB's security group.", TLS, e)).toBe('contradicted');
  });

  it('the stack\'s own health-check settings are not the AWS default: the default is judged on the documentation', () => {
    expect(reference.targetGroups.find((t) => t.protocol === 'HTTPS')!.healthCheck.protocol).toBe('HTTPS');
    const [claim] = judge('Health checks default to HTTP even on an HTTPS target group.', TLS).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/^You say .*Documented/);
    expect(claim.sources[0].url).toMatch(/API_CreateTargetGroup/);
  });
});

describe('the claim book is consistent', () => {
  it('every observed value is one of the proposition\'s declared values, and every proposition has a fact', () => {
    const props = lab.claims.lexicon.propositions.filter((p) => p.question === 'remote-state' || p.question === 'alb-end-to-end-tls');
    expect(props.length).toBeGreaterThan(20);
    for (const p of props) {
      const fact = lab.claims.facts[p.id];
      expect(fact, p.id).toBeDefined();
      expect(Object.keys(p.values ?? {}), p.id).toContain(fact.value);
      const seen = (observers as Record<string, Observer<TwoTierEvidence> | undefined>)[p.id]?.(reference, 'moto');
      if (seen?.status === 'observed') expect(Object.keys(p.values ?? {}), p.id).toContain(seen.value);
    }
  });
});

describe('when the evidence lacks the part, the documented fact decides and says so', () => {
  it('no remote state data source recorded', () => {
    const e = clone();
    e.config.dataSources = [];
    e.config.outputsRead = [];
    expect(observers['rs.mechanism']!(e, 'moto')).toMatchObject({ status: 'unverifiable' });
    const [claim] = judge('The app tier reads the network values through a terraform_remote_state data source.', RS, e).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/Documented: .*the lab could not observe this here: .*no terraform_remote_state data source/);
    expect(claim.evidence.map((x) => x.kind)).toEqual(['documented', 'not-observed']);
  });

  it('no HTTPS listener recorded', () => {
    const e = clone();
    e.listeners = e.listeners.filter((l) => l.protocol !== 'HTTPS');
    const [claim] = judge('The HTTPS listener gets its certificate from ACM.', TLS, e).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/could not observe this here: the ALB has no HTTPS listener/);
  });
});

describe('routing by the statement\'s own words', () => {
  it.each([
    ...remoteState.filter(([, v]) => v !== 'unjudged').map(([s]) => [s, RS] as const),
    ...endToEnd.filter(([, v]) => v !== 'unjudged').map(([s]) => [s, TLS] as const),
    ...blindRemoteState.map(([s]) => [s, RS] as const),
    ...blindEndToEnd.map(([s]) => [s, TLS] as const),
  ])('%s → %s', (statement, question) => {
    expect(routeStatement(statement, [lab])).toBe(question);
  });
});
