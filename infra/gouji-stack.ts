import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { BATCH_SIZE, MAX_CONCURRENCY } from '../functions/shared/batch-sizes.ts';
import { CORRECTIONS_PREFIX, CORRECTIONS_SUFFIX } from '../lib/archive/corrections-layout.ts';
import { INPUT_PREFIX, OCR_INPUT_PREFIX, OUTPUT_PREFIX } from '../lib/result-keys.ts';
import { ArchiveDataset, archiveNameOf } from './archive-dataset.ts';
import { type GoujiFunction, goujiFunction } from './gouji-function.ts';

export interface GoujiStackProps extends StackProps {
  /**
   * 'local' (default): the process function is a zip with the local OCR engine (PP-OCRv4 on
   * onnxruntime, arm64 binaries only); no Textract. 'textract': scanned pages go to Amazon Textract.
   */
  ocrEngine?: 'local' | 'textract';
  /** an address the alarm topic e-mails (the subscription must be confirmed from that mailbox) */
  alarmEmail?: string;
  /** extra GOUJI_* settings (lib/config.ts, functions/shared/aws-env.ts), e.g. GOUJI_MAX_BYTES */
  settings?: Record<string, string>;
}

/** Lambda's longest timeout: OCR of a long scan needs it; the per-document budget is set below it. */
const OCR_TIMEOUT = Duration.minutes(15);
/** A text-only function (Textract path) is done in seconds per document. */
const TEXT_TIMEOUT = Duration.minutes(5);
/** 2 vCPUs (Lambda gives one per 1,769 MB): pages of a scan are OCR'd two at a time. */
const OCR_MEMORY_MB = 3584;
const TEXT_MEMORY_MB = 2048;
/** SQS: maxReceiveCount before the DLQ. Waits for a Textract slot are re-sent, never counted. */
const MAX_RECEIVES = 5;
/** An incoming message older than this means the drop is not being worked through. */
const OLDEST_MESSAGE_ALARM = Duration.hours(2);

/** Bucket → SQS → process-document (→ Textract → SNS → SQS → textract-complete); DLQs, alarms that e-mail, outputs. */
export class GoujiStack extends Stack {
  readonly bucket: Bucket;
  readonly incomingQueue: Queue;
  readonly processFunction: GoujiFunction;
  readonly completeFunction?: GoujiFunction;
  readonly archive: ArchiveDataset;

  constructor(scope: Construct, id: string, props: GoujiStackProps = {}) {
    super(scope, id, props);
    const ocrEngine = props.ocrEngine ?? 'local';
    const processTimeout = ocrEngine === 'local' ? OCR_TIMEOUT : TEXT_TIMEOUT;

    const alarmKey = new Key(this, 'AlarmKey', { enableKeyRotation: true, description: 'gouji alarm topic' });
    const alarmTopic = new Topic(this, 'AlarmTopic', { masterKey: alarmKey, enforceSSL: true });
    serviceMayUseKey(alarmKey, 'cloudwatch.amazonaws.com', this);
    if (props.alarmEmail !== undefined) alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const alarm = (name: string, description: string, metric: IMetric, threshold: number) => {
      new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(alarmTopic));
    };

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      accessLogs,
      'This bucket receives the reports bucket’s server access logs; logging it into itself would loop.',
      'AwsSolutions-S1',
    );

    this.bucket = new Bucket(this, 'Reports', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      // aws-cdk-lib's IBucket and exactOptionalPropertyTypes disagree on optional members.
      serverAccessLogsBucket: accessLogs as IBucket,
      serverAccessLogsPrefix: 'reports/',
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(90) },
        // the PDFs of scanned pages sent to Textract are needed only while the job runs
        { prefix: OCR_INPUT_PREFIX, expiration: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The archive dataset as SQL: Glue tables and an Athena workgroup over results/dataset/.
    this.archive = new ArchiveDataset(this, 'Archive', { bucket: this.bucket as IBucket, name: archiveNameOf(this.stackName) });

    const incoming = queueWithDlq(this, 'Incoming', processTimeout, alarm);
    this.incomingQueue = incoming.queue;
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(incoming.queue), { prefix: INPUT_PREFIX });
    // a reviewer's corrections file applies to the result it names (functions/process-document)
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(incoming.queue), {
      prefix: CORRECTIONS_PREFIX,
      suffix: CORRECTIONS_SUFFIX,
    });
    alarm(
      'IncomingBacklogAlarm',
      `The oldest report waiting in the incoming queue is older than ${OLDEST_MESSAGE_ALARM.toHumanString()}: the drop is not being worked through.`,
      incoming.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      OLDEST_MESSAGE_ALARM.toSeconds(),
    );

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: 'gouji',
      POWERTOOLS_METRICS_NAMESPACE: 'Gouji',
      GOUJI_OCR_ENGINE: ocrEngine,
      // the document's own budget: a scan that cannot be read in it gets `document.timeout`
      GOUJI_TIMEOUT_MS: String(processTimeout.toMilliseconds() - 60_000),
      ...props.settings,
    };

    this.processFunction = goujiFunction(this, 'ProcessDocument', {
      name: 'process-document',
      localOcr: ocrEngine === 'local',
      architecture: Architecture.ARM_64,
      memorySize: ocrEngine === 'local' ? OCR_MEMORY_MB : TEXT_MEMORY_MB,
      timeout: processTimeout,
      environment,
    });
    this.grantDocumentAccess(this.processFunction);
    this.processFunction.addEventSource(
      new SqsEventSource(incoming.queue, {
        batchSize: ocrEngine === 'local' ? BATCH_SIZE.ocr : BATCH_SIZE.text,
        reportBatchItemFailures: true,
        maxConcurrency: MAX_CONCURRENCY,
      }),
    );
    functionAlarms(this.processFunction, 'ProcessDocument', alarm);

    const outputs: Record<string, string> = {
      BucketName: this.bucket.bucketName,
      IncomingQueueUrl: incoming.queue.queueUrl,
      IncomingDlqUrl: incoming.dlq.queueUrl,
      AlarmTopicArn: alarmTopic.topicArn,
      ProcessFunctionLogGroup: this.processFunction.logGroup.logGroupName,
    };

    if (ocrEngine === 'textract') {
      const textract = textractNotifications(this, TEXT_TIMEOUT, alarm);
      const jobs = new Table(this, 'TextractJobs', {
        partitionKey: { name: 'id', type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        timeToLiveAttribute: 'expiresAt',
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const processFn = this.processFunction;
      processFn.addEnvironment('GOUJI_TEXTRACT_TOPIC_ARN', textract.topic.topicArn);
      processFn.addEnvironment('GOUJI_TEXTRACT_ROLE_ARN', textract.role.roleArn);
      processFn.addEnvironment('GOUJI_JOB_TABLE', jobs.tableName);
      processFn.addEnvironment('GOUJI_INCOMING_QUEUE_URL', incoming.queue.queueUrl);
      processFn.addToRolePolicy(new PolicyStatement({ actions: ['textract:StartDocumentAnalysis'], resources: ['*'] }));
      processFn.addToRolePolicy(
        new PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [textract.role.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'textract.amazonaws.com' } },
        }),
      );
      // Textract reads the document with the caller's rights: the staged PDFs of scanned pages
      processFn.addToRolePolicy(objectActions(this.bucket, ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'], OCR_INPUT_PREFIX));
      // a message that waits for a Textract slot is sent to its queue again (never counted as a failure)
      processFn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [incoming.queue.queueArn] }));
      jobs.grant(processFn, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem');

      const complete = goujiFunction(this, 'TextractComplete', {
        name: 'textract-complete',
        localOcr: false,
        architecture: Architecture.ARM_64,
        memorySize: TEXT_MEMORY_MB,
        timeout: TEXT_TIMEOUT,
        environment: { ...environment, GOUJI_TIMEOUT_MS: String(TEXT_TIMEOUT.toMilliseconds() - 60_000), GOUJI_JOB_TABLE: jobs.tableName },
      });
      complete.addToRolePolicy(new PolicyStatement({ actions: ['textract:GetDocumentAnalysis'], resources: ['*'] }));
      jobs.grant(complete, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
      this.grantDocumentAccess(complete);
      complete.addEventSource(
        new SqsEventSource(textract.queue, {
          batchSize: BATCH_SIZE.completions,
          reportBatchItemFailures: true,
          maxConcurrency: MAX_CONCURRENCY,
        }),
      );
      functionAlarms(complete, 'TextractComplete', alarm);
      this.completeFunction = complete;
      for (const fn of [processFn, complete]) {
        acknowledge(
          fn.role ?? fn,
          'Textract StartDocumentAnalysis and GetDocumentAnalysis support no resource-level permissions (Service Authorization Reference): the resource must be *.',
          'AwsSolutions-IAM5[Resource::*]',
        );
      }
      Object.assign(outputs, {
        TextractCompleteQueueUrl: textract.queue.queueUrl,
        TextractCompleteDlqUrl: textract.dlq.queueUrl,
        TextractJobTable: jobs.tableName,
      });
    }
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
    acknowledge(
      this,
      'The only managed policy left is on BucketNotificationsHandler, the custom resource aws-cdk-lib uses at deploy time to set the bucket’s notifications; CDK offers no way to give it another role.',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    );
  }

  /**
   * Read incoming/* (any version: Textract jobs pin one), read and write results/* (reading a result
   * is the current check; deleting is for the pending marker and an orphan report), list under
   * those prefixes only (so a missing object answers 404, not 403). No version deletes, no
   * retention or legal holds.
   */
  private grantDocumentAccess(fn: GoujiFunction): void {
    fn.addToRolePolicy(objectActions(this.bucket, ['s3:GetObject', 's3:GetObjectVersion'], INPUT_PREFIX));
    fn.addToRolePolicy(objectActions(this.bucket, ['s3:GetObject'], CORRECTIONS_PREFIX));
    fn.addToRolePolicy(objectActions(this.bucket, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], OUTPUT_PREFIX));
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${INPUT_PREFIX}*`, `${OUTPUT_PREFIX}*`] } },
      }),
    );
    const bucketId = this.getLogicalId(this.bucket.node.defaultChild as import('aws-cdk-lib/aws-s3').CfnBucket);
    acknowledge(
      fn.role ?? fn,
      'The object actions are granted on the prefixes the function reads and writes (incoming/*, corrections/*, results/*, textract-input/*), each key of which is a document, a reviewer’s corrections or a result; object-level ARNs need the wildcard.',
      ...[INPUT_PREFIX, CORRECTIONS_PREFIX, OUTPUT_PREFIX, OCR_INPUT_PREFIX].map(
        (prefix) => `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
      ),
    );
  }
}

function objectActions(bucket: Bucket, actions: string[], prefix: string): PolicyStatement {
  return new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [bucket.arnForObjects(`${prefix}*`)] });
}

type AlarmOf = (name: string, description: string, metric: IMetric, threshold: number) => void;

function functionAlarms(fn: GoujiFunction, name: string, alarm: AlarmOf): void {
  alarm(
    `${name}ErrorsAlarm`,
    `${name} invocations failed (see its log group): records go back to the queue.`,
    fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    1,
  );
  alarm(
    `${name}ThrottlesAlarm`,
    `${name} invocations were throttled: the account's Lambda concurrency is short.`,
    fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    1,
  );
}

function queueWithDlq(scope: Construct, id: string, functionTimeout: Duration, alarm: AlarmOf): { queue: Queue; dlq: Queue } {
  const dlq = new Queue(scope, `${id}Dlq`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(dlq, 'This queue is itself a dead-letter queue.', 'AwsSolutions-SQS3');
  const queue = new Queue(scope, `${id}Queue`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    // AWS: at least 6× the function timeout for an SQS event source.
    visibilityTimeout: Duration.seconds(functionTimeout.toSeconds() * 6),
    retentionPeriod: Duration.days(14),
    deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVES },
  });
  alarm(
    `${id}DlqAlarm`,
    `Messages in the ${id} dead-letter queue: documents that failed ${MAX_RECEIVES} times (see the function's log group; \`gouji redrive\` sends them back).`,
    dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    1,
  );
  return { queue, dlq };
}

/** The SNS topic Textract publishes job completions to, its publishing role, and the queue behind it. */
function textractNotifications(
  scope: Construct,
  functionTimeout: Duration,
  alarm: AlarmOf,
): { topic: Topic; role: Role; queue: Queue; dlq: Queue } {
  const stack = Stack.of(scope);
  const key = new Key(scope, 'TextractTopicKey', { enableKeyRotation: true, description: 'gouji Textract completion topic' });
  const topic = new Topic(scope, 'TextractTopic', { masterKey: key, enforceSSL: true });
  const role = new Role(scope, 'TextractRole', {
    assumedBy: new ServicePrincipal('textract.amazonaws.com', {
      // Confused-deputy guard: only Textract jobs of this account may use the role.
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
    description: 'Lets Textract publish job completions to the gouji topic',
  });
  topic.grantPublish(role);
  acknowledge(
    role,
    'kms:GenerateDataKey* is the action group SNS needs to publish to a KMS-encrypted topic (GenerateDataKey, GenerateDataKeyWithoutPlaintext); it is granted on this topic key only.',
    'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
  );
  const { queue, dlq } = queueWithDlq(scope, 'TextractComplete', functionTimeout, alarm);
  // SNS decrypts the topic's messages to deliver them to SQS (the key serves this topic only;
  // naming the topic's ARN here would make the key and the topic depend on each other).
  serviceMayUseKey(key, 'sns.amazonaws.com', scope);
  topic.addSubscription(new SqsSubscription(queue));
  return { topic, role, queue, dlq };
}

/** A key policy statement letting an AWS service use the key on behalf of this account only. */
function serviceMayUseKey(key: Key, service: string, scope: Construct): void {
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(service)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
}

/** Records a cdk-nag finding as accepted, with the reason, on a construct and its children. */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}
