import { join } from 'node:path';
import { AssetHashType, DockerImage, type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildFunctionAsset, type LambdaArchitecture, PROJECT_ROOT } from './function-asset.ts';

export type GoujiFunction = LambdaFunction;

export interface GoujiFunctionProps {
  /** functions/<name>/handler.ts */
  name: string;
  localOcr: boolean;
  architecture: Architecture;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
}

/** How long the functions' logs are kept. */
const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * A zip function built by infra/function-asset.ts on this machine (no Docker), with its own log
 * group (kept three months) and a role that may write to that log group only.
 */
export function goujiFunction(scope: Construct, id: string, props: GoujiFunctionProps): GoujiFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `gouji ${props.name}: its documents, its log group`,
  });
  role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const architecture: LambdaArchitecture = props.architecture.name === 'arm64' ? 'arm64' : 'x64';
  const fn = new LambdaFunction(scope, id, {
    runtime: Runtime.NODEJS_24_X,
    architecture: props.architecture,
    handler: 'index.handler',
    code: Code.fromAsset(join(PROJECT_ROOT, 'functions', props.name), {
      // the hash of what is shipped: a change anywhere in lib/ makes a new asset
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // never used: bundling runs on this machine (tryBundle); CDK requires an image all the same
        image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
        local: {
          tryBundle(outputDir: string): boolean {
            buildFunctionAsset({ name: props.name, outDir: outputDir, architecture, localOcr: props.localOcr });
            return true;
          },
        },
      },
    }),
    memorySize: props.memorySize,
    timeout: props.timeout,
    environment: props.environment,
    role,
    logGroup,
  });
  return fn;
}
