import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import cdkNag from 'cdk-nag';
import { BATCH_SIZE } from '../../functions/shared/batch-sizes.ts';
import { GoujiStack, type GoujiStackProps } from '../../infra/gouji-stack.ts';
import { CORRECTIONS_PREFIX, CORRECTIONS_SUFFIX } from '../../lib/archive/corrections-layout.ts';
import { INPUT_PREFIX, OUTPUT_PREFIX, outputKeyFor } from '../../lib/result-keys.ts';

// Bundling is skipped here (`npm run synth` runs it; tests/functions/local-ocr-asset.test.ts
// builds and runs the asset with the same code).
function synth(props: GoujiStackProps = {}): { stack: GoujiStack; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new GoujiStack(app, 'Gouji', props);
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: Record<string, unknown> };
function statementsOf(template: Template, rolePrefix: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p['Properties']['Roles']).includes(rolePrefix))
    .flatMap((p) => p['Properties']['PolicyDocument']['Statement'] as Statement[]);
}
// The project's functions (not CDK's own bucket-notification handler).
const goujiFunctions = (template: Template) =>
  Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { GOUJI_OCR_ENGINE: Match.anyValue() } } } }),
  );
const actions = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const nagViolations = (stack: GoujiStack) =>
  new cdkNag.AwsSolutionsChecks()
    .validateScope(stack)
    .violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`);

/** The over-broad grants the issue named, and anything with a wildcard action. */
function assertLeastPrivilege(template: Template, role: string): void {
  const all = statementsOf(template, role).flatMap(actions);
  for (const forbidden of [
    's3:GetBucket*',
    's3:DeleteObject*',
    's3:DeleteObjectVersion',
    's3:PutObjectRetention',
    's3:PutObjectLegalHold',
    's3:*',
    '*',
    's3:Abort*',
  ]) {
    assert.ok(!all.includes(forbidden), `${role} has ${forbidden}`);
  }
  for (const s of statementsOf(template, role)) {
    const resource = JSON.stringify(s.Resource);
    if (actions(s).some((a) => a.startsWith('s3:Put') || a.startsWith('s3:Delete')))
      assert.match(resource, /\/(results|textract-input)\/\*/);
    if (actions(s).includes('s3:ListBucket'))
      assert.ok(JSON.stringify(s.Condition).includes(`${INPUT_PREFIX}*`), 'ListBucket only under the prefixes');
    if (actions(s).some((a) => a.startsWith('logs:')))
      assert.match(resource, /ProcessDocumentLogs|TextractCompleteLogs/, 'logs only to its own log group');
  }
}

describe('GoujiStack (local OCR, the default)', () => {
  const { stack, template } = synth({ alarmEmail: 'ops@example.org' });

  it('makes the process function a zip on arm64 with the local engine, one document per invocation', () => {
    const [first, ...others] = goujiFunctions(template);
    const fn = first!;
    assert.equal(others.length, 0, 'no Textract function');
    assert.equal(fn['Properties']['PackageType'], undefined, 'a zip, not an image');
    assert.deepEqual(fn['Properties']['Architectures'], ['arm64']);
    assert.equal(fn['Properties']['Environment']['Variables']['GOUJI_OCR_ENGINE'], 'local');
    assert.equal(fn['Properties']['Timeout'], 900);
    assert.ok(
      Number(fn['Properties']['Environment']['Variables']['GOUJI_TIMEOUT_MS']) < 900_000,
      'the document budget ends before the function',
    );
    assert.ok(Number(/^nodejs(\d+)\.x$/.exec(fn['Properties']['Runtime'])?.[1]) >= 22);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: BATCH_SIZE.ocr,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    assert.ok(!JSON.stringify(template.toJSON()).includes('textract:'));
  });

  it('has a private, encrypted, versioned, SSL-only bucket with access logs', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'reports/' },
    });
  });

  it('notifies SQS only for documents created under incoming/ and corrections under corrections/, and results match neither', () => {
    const notifications = template.findResources('Custom::S3BucketNotifications');
    const configs = Object.values(notifications).flatMap((r) => r['Properties']['NotificationConfiguration']['QueueConfigurations'] ?? []);
    assert.deepEqual(
      configs.map((c: { Filter: { Key: { FilterRules: unknown } } }) => c.Filter.Key.FilterRules),
      [
        [{ Name: 'prefix', Value: INPUT_PREFIX }],
        [
          { Name: 'suffix', Value: CORRECTIONS_SUFFIX },
          { Name: 'prefix', Value: CORRECTIONS_PREFIX },
        ],
      ],
    );
    const out = outputKeyFor('incoming/2023/报告.pdf');
    assert.ok(out?.startsWith(OUTPUT_PREFIX) && !`${out}.json`.startsWith(INPUT_PREFIX) && !out.startsWith(CORRECTIONS_PREFIX));
  });

  it('gives the queue a DLQ and a visibility timeout 6× the function timeout', () => {
    const queues = Object.values(template.findResources('AWS::SQS::Queue')).filter((q) => q['Properties']['RedrivePolicy'] !== undefined);
    assert.equal(queues.length, 1);
    assert.equal(queues[0]!['Properties']['VisibilityTimeout'], 6 * 900);
    assert.equal(queues[0]!['Properties']['RedrivePolicy'].maxReceiveCount, 5);
  });

  it('outputs the bucket, queues, DLQ and alarm topic', () => {
    const outputs = Object.keys(template.toJSON()['Outputs'] ?? {});
    for (const name of ['BucketName', 'IncomingQueueUrl', 'IncomingDlqUrl', 'AlarmTopicArn']) assert.ok(outputs.includes(name), name);
  });

  it('alarms on DLQ depth, the oldest message, function errors and throttles, and e-mails them', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const metrics = [...new Set(alarms.map((a) => a['Properties']['MetricName']))].sort();
    assert.deepEqual(metrics, ['ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible', 'Errors', 'Throttles']);
    assert.ok(
      alarms.every((a) => (a['Properties']['AlarmActions'] ?? []).length === 1),
      'every alarm notifies the topic',
    );
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    assert.deepEqual(synth().template.findResources('AWS::SNS::Subscription'), {}, 'no e-mail without -c alarmEmail');
  });

  it('keeps logs three months, each function writing only its own log group', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    const roles = Object.entries(template.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('ProcessDocumentRole'));
    assert.equal(roles.length, 1);
    assert.equal(roles[0]![1]['Properties']['ManagedPolicyArns'], undefined, 'no AWSLambdaBasicExecutionRole: logs to its own group only');
    assertLeastPrivilege(template, 'ProcessDocumentRole');
  });

  it('passes cdk-nag AwsSolutions checks with every acknowledgement reasoned', () => {
    assert.deepEqual(nagViolations(stack), []);
  });
});

describe('GoujiStack with -c ocr=textract', () => {
  const { stack, template } = synth({ ocrEngine: 'textract' });

  it('adds the completion function, the job ledger and the Textract channel', () => {
    assert.equal(goujiFunctions(template).length, 2);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          GOUJI_OCR_ENGINE: 'textract',
          GOUJI_JOB_TABLE: Match.anyValue(),
          GOUJI_INCOMING_QUEUE_URL: Match.anyValue(),
        }),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs' });
    template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] }, 2);
  });

  it('grants least privilege: only the Textract actions used, PassRole to Textract only', () => {
    for (const role of ['ProcessDocumentRole', 'TextractCompleteRole']) {
      assertLeastPrivilege(template, role);
      const textract = statementsOf(template, role)
        .flatMap(actions)
        .filter((a) => a.startsWith('textract:'));
      assert.deepEqual(textract, [role.startsWith('Process') ? 'textract:StartDocumentAnalysis' : 'textract:GetDocumentAnalysis']);
    }
    const passRole = statementsOf(template, 'ProcessDocumentRole').find((s) => actions(s).includes('iam:PassRole'));
    assert.deepEqual(passRole?.Condition, { StringEquals: { 'iam:PassedToService': 'textract.amazonaws.com' } });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'textract.amazonaws.com' } })] },
    });
  });

  it('gives the key policies a source condition for the services that use them', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key'));
    const serviceStatements = keys
      .flatMap((k) => k['Properties']['KeyPolicy']['Statement'])
      .filter((s) => s.Principal?.Service !== undefined);
    assert.ok(serviceStatements.length >= 2);
    for (const s of serviceStatements) assert.ok(s.Condition?.StringEquals?.['aws:SourceAccount'] !== undefined, JSON.stringify(s));
  });

  it('passes cdk-nag AwsSolutions checks', () => {
    assert.deepEqual(nagViolations(stack), []);
  });
});
