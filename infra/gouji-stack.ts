import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, DockerImageCode, DockerImageFunction, type Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, EventType, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

/** The only prefix that triggers processing; results go to OUTPUT_PREFIX, which never matches it. */
export const INPUT_PREFIX = 'incoming/';
export const OUTPUT_PREFIX = 'results/';

export interface GoujiStackProps extends StackProps {
  /**
   * 'textract' (default): zip functions, scanned pages go to Amazon Textract.
   * 'local': the process function is a container image with the local OCR engine (onnxruntime
   * and models do not fit a zip); needs Docker at deploy time.
   */
  ocrEngine?: 'textract' | 'local';
  /** per-invocation budget of the processing functions */
  functionTimeout?: Duration;
  /** extra GOUJI_* settings (lib/config.ts), e.g. GOUJI_MAX_BYTES */
  settings?: Record<string, string>;
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = (name: string): string => fileURLToPath(new URL(`../functions/${name}/handler.ts`, import.meta.url));

/** Bucket → SQS → process-document; Textract → SNS → SQS → textract-complete; DLQs with alarms. */
export class GoujiStack extends Stack {
  readonly bucket: Bucket;
  readonly incomingQueue: Queue;
  readonly processFunction: LambdaFunction;
  readonly completeFunction?: LambdaFunction;

  constructor(scope: Construct, id: string, props: GoujiStackProps = {}) {
    super(scope, id, props);
    const ocrEngine = props.ocrEngine ?? 'textract';
    const timeout = props.functionTimeout ?? Duration.minutes(5);
    // AWS: visibility timeout at least 6× the function timeout for SQS event sources.
    const visibilityTimeout = Duration.seconds(timeout.toSeconds() * 6);

    const alarmKey = new Key(this, 'AlarmKey', { enableKeyRotation: true, description: 'gouji alarm topic' });
    const alarmTopic = new Topic(this, 'AlarmTopic', { masterKey: alarmKey, enforceSSL: true });
    alarmKey.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'This is the server access log bucket; logging it into itself would loop.', 'AwsSolutions-S1');

    this.bucket = new Bucket(this, 'Reports', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      // aws-cdk-lib's IBucket and exactOptionalPropertyTypes disagree on optional members.
      serverAccessLogsBucket: accessLogs as IBucket,
      serverAccessLogsPrefix: 'reports/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const incoming = queueWithDlq(this, 'Incoming', visibilityTimeout, alarmTopic);
    this.incomingQueue = incoming.queue;
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(incoming.queue), { prefix: INPUT_PREFIX });

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: 'gouji',
      POWERTOOLS_METRICS_NAMESPACE: 'Gouji',
      GOUJI_OCR_ENGINE: ocrEngine,
      GOUJI_TIMEOUT_MS: String(timeout.toMilliseconds() - 30_000),
      ...props.settings,
    };

    if (ocrEngine === 'local') {
      this.processFunction = new DockerImageFunction(this, 'ProcessDocument', {
        code: DockerImageCode.fromImageAsset(projectRoot, {
          file: 'functions/process-document/Dockerfile',
          exclude: ['node_modules', 'cdk.out', '.git', 'out', 'tests', 'bench'],
        }),
        architecture: Architecture.X86_64,
        memorySize: 4096,
        timeout,
        environment,
      });
    } else {
      const textract = textractNotifications(this, visibilityTimeout, alarmTopic);
      this.processFunction = nodeFunction(this, 'ProcessDocument', 'process-document', timeout, {
        ...environment,
        GOUJI_TEXTRACT_TOPIC_ARN: textract.topic.topicArn,
        GOUJI_TEXTRACT_ROLE_ARN: textract.role.roleArn,
      });
      this.processFunction.addToRolePolicy(
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['textract:StartDocumentAnalysis'], resources: ['*'] }),
      );
      textract.role.grantPassRole(this.processFunction.grantPrincipal);

      const complete = nodeFunction(this, 'TextractComplete', 'textract-complete', timeout, environment);
      complete.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['textract:GetDocumentAnalysis'], resources: ['*'] }));
      this.grantDocumentAccess(complete);
      complete.addEventSource(new SqsEventSource(textract.queue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 5 }));
      this.completeFunction = complete;
      for (const fn of [this.processFunction, complete]) {
        acknowledge(
          fn,
          'Textract StartDocumentAnalysis/GetDocumentAnalysis support no resource-level permissions; the resource must be *.',
          'AwsSolutions-IAM5[Resource::*]',
        );
      }
    }
    this.grantDocumentAccess(this.processFunction);
    this.processFunction.addEventSource(
      new SqsEventSource(incoming.queue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );

    acknowledge(
      this,
      "AWSLambdaBasicExecutionRole only allows writing the function's own CloudWatch logs; it is the documented minimum for Lambda.",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    );
  }

  /** Read incoming/*, read and write results/* (reading a result is the idempotency check). */
  private grantDocumentAccess(fn: LambdaFunction): void {
    const bucketId = this.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    this.bucket.grantRead(fn, `${INPUT_PREFIX}*`);
    this.bucket.grantRead(fn, `${OUTPUT_PREFIX}*`);
    this.bucket.grantPut(fn, `${OUTPUT_PREFIX}*`);
    this.bucket.grantDelete(fn, `${OUTPUT_PREFIX}*`);
    acknowledge(
      fn,
      'Object actions are scoped to the incoming/* and results/* prefixes; s3:GetBucket*/List* (HeadObject needs List to tell 404 from 403), s3:GetObject*, s3:Abort* and s3:DeleteObject* are the action groups of CDK grants, on those prefixes only.',
      ...['GetBucket*', 'GetObject*', 'List*', 'Abort*', 'DeleteObject*'].map((action) => `AwsSolutions-IAM5[Action::s3:${action}]`),
      ...[INPUT_PREFIX, OUTPUT_PREFIX].map((prefix) => `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`),
    );
  }
}

/**
 * Left out of the zip bundles: the native canvas is only loaded to render pages for the local
 * OCR engine (never in the zip functions); pdf.js loads its worker, CMaps and fonts from files
 * beside its module, so it ships as files (pdfjsCopyCommands), not bundled.
 */
export const BUNDLE_EXTERNALS = ['@napi-rs/canvas', 'pdfjs-dist'] as const;
/** CommonJS dependencies inside an ESM bundle still call require(). */
export const BUNDLE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
const PDFJS_FILES = ['package.json', 'LICENSE', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts'];

/** Shell commands copying the parts of pdfjs-dist the reader uses into the function's node_modules. */
export function pdfjsCopyCommands(inputDir: string, outputDir: string): string[] {
  const from = `${inputDir}/node_modules/pdfjs-dist`;
  const to = `${outputDir}/node_modules/pdfjs-dist`;
  return [`mkdir -p "${to}/legacy/build"`, ...PDFJS_FILES.map((file) => `cp -R "${from}/${file}" "${to}/${file}"`)];
}

function nodeFunction(scope: Construct, id: string, name: string, timeout: Duration, environment: Record<string, string>): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: entry(name),
    projectRoot,
    depsLockFilePath: `${projectRoot}package-lock.json`,
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 2048,
    timeout,
    environment,
    bundling: {
      forceDockerBundling: false,
      minify: true,
      // No source map: it would triple the artifact and --enable-source-maps slows cold starts.
      sourceMap: false,
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      // The pinned SDK is bundled so the code runs with the versions it was tested with.
      externalModules: [...BUNDLE_EXTERNALS],
      banner: BUNDLE_BANNER,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (inputDir, outputDir) => pdfjsCopyCommands(inputDir, outputDir),
      },
    },
  });
}

function queueWithDlq(scope: Construct, id: string, visibilityTimeout: Duration, alarmTopic: Topic): { queue: Queue; dlq: Queue } {
  const dlq = new Queue(scope, `${id}Dlq`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(dlq, 'This queue is itself a dead-letter queue.', 'AwsSolutions-SQS3');
  const queue = new Queue(scope, `${id}Queue`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout,
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
  });
  const alarm = new Alarm(scope, `${id}DlqAlarm`, {
    alarmDescription: `Messages in the ${id} dead-letter queue: documents that failed 5 times (see the function's logs).`,
    metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(alarmTopic));
  return { queue, dlq };
}

/** The SNS topic Textract publishes job completions to, its publishing role, and the queue behind it. */
function textractNotifications(
  scope: Construct,
  visibilityTimeout: Duration,
  alarmTopic: Topic,
): { topic: Topic; role: Role; queue: Queue } {
  const key = new Key(scope, 'TextractTopicKey', { enableKeyRotation: true, description: 'gouji Textract completion topic' });
  const topic = new Topic(scope, 'TextractTopic', { masterKey: key, enforceSSL: true });
  const role = new Role(scope, 'TextractRole', {
    assumedBy: new ServicePrincipal('textract.amazonaws.com', {
      // Confused-deputy guard: only Textract jobs of this account may use the role.
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: 'Lets Textract publish job completions to the gouji topic',
  });
  topic.grantPublish(role);
  acknowledge(
    role,
    'kms:GenerateDataKey* is what SNS needs to publish to a KMS-encrypted topic; it is granted on this topic key only.',
    'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
  );
  const { queue } = queueWithDlq(scope, 'TextractComplete', visibilityTimeout, alarmTopic);
  // SNS must be able to decrypt the topic's messages to deliver them to SQS.
  key.grantEncryptDecrypt(new ServicePrincipal('sns.amazonaws.com'));
  topic.addSubscription(new SqsSubscription(queue));
  return { topic, role, queue };
}

/** Records a cdk-nag finding as accepted, with the reason, on a construct and its children. */
function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}
