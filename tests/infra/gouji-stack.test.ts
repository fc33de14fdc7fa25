import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import cdkNag from 'cdk-nag';
import { GoujiStack, INPUT_PREFIX, OUTPUT_PREFIX } from '../../infra/gouji-stack.ts';
import { outputKeyFor } from '../../lib/result-keys.ts';

// Bundling is skipped here (it is exercised by `npm run synth` and bench/aws-bundle.ts).
function synth(ocrEngine: 'textract' | 'local'): { stack: GoujiStack; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new GoujiStack(app, 'Gouji', { ocrEngine });
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
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

describe('GoujiStack (Textract, the default)', () => {
  const { stack, template } = synth('textract');

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
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('notifies SQS only for objects created under incoming/, and results never match it', () => {
    const notifications = template.findResources('Custom::S3BucketNotifications');
    const configs = Object.values(notifications).flatMap((r) => r['Properties']['NotificationConfiguration']['QueueConfigurations'] ?? []);
    assert.equal(configs.length, 1);
    assert.deepEqual(configs[0].Events, ['s3:ObjectCreated:*']);
    assert.deepEqual(configs[0].Filter.Key.FilterRules, [{ Name: 'prefix', Value: INPUT_PREFIX }]);
    const out = outputKeyFor('incoming/2023/报告.pdf');
    assert.ok(out?.startsWith(OUTPUT_PREFIX) && !`${out}.json`.startsWith(INPUT_PREFIX));
    assert.equal(outputKeyFor(`${out}.json`), null);
  });

  it('gives each queue a DLQ and a visibility timeout at least 6× the function timeout', () => {
    const timeouts = goujiFunctions(template).map((f) => f['Properties']['Timeout'] as number);
    assert.ok(timeouts.length >= 2);
    const queues = Object.values(template.findResources('AWS::SQS::Queue')).filter((q) => q['Properties']['RedrivePolicy'] !== undefined);
    assert.equal(queues.length, 2);
    for (const queue of queues) {
      assert.ok(queue['Properties']['VisibilityTimeout'] >= 6 * Math.max(...timeouts));
      assert.equal(queue['Properties']['RedrivePolicy'].maxReceiveCount, 5);
    }
  });

  it('runs both functions on Node.js 22 or later, reading partial batch failures from SQS', () => {
    const fns = goujiFunctions(template);
    assert.equal(fns.length, 2);
    for (const fn of fns) assert.ok(Number(/^nodejs(\d+)\.x$/.exec(fn['Properties']['Runtime'])?.[1]) >= 22, fn['Properties']['Runtime']);
    template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] }, 2);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          GOUJI_OCR_ENGINE: 'textract',
          GOUJI_TEXTRACT_TOPIC_ARN: Match.anyValue(),
          GOUJI_TEXTRACT_ROLE_ARN: Match.anyValue(),
        }),
      },
    });
  });

  it('grants least privilege: read incoming/*, write results/*, only the Textract actions used', () => {
    for (const role of ['ProcessDocumentServiceRole', 'TextractCompleteServiceRole']) {
      const statements = statementsOf(template, role);
      const s3Writes = statements.filter((s) => actions(s).some((a) => a.startsWith('s3:Put') || a.startsWith('s3:Delete')));
      assert.ok(s3Writes.length > 0);
      for (const s of s3Writes) assert.match(JSON.stringify(s.Resource), new RegExp(`/${OUTPUT_PREFIX}\\*`));
      const reads = statements.filter((s) => actions(s).includes('s3:GetObject*'));
      assert.deepEqual(reads.map((s) => JSON.stringify(s.Resource).match(/\/(incoming|results)\/\*/)?.[1]).sort(), ['incoming', 'results']);
      const textract = statements.flatMap(actions).filter((a) => a.startsWith('textract:'));
      assert.deepEqual(textract, [role.startsWith('Process') ? 'textract:StartDocumentAnalysis' : 'textract:GetDocumentAnalysis']);
      assert.ok(!statements.flatMap(actions).some((a) => a === 's3:*' || a === '*'));
    }
  });

  it('lets only Textract assume the role that publishes to the completion topic, which feeds SQS', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'textract.amazonaws.com' } })] },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs' });
    template.resourceCountIs('AWS::SNS::Topic', 2);
  });

  it('alarms when a dead-letter queue holds a message', () => {
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Threshold: 1, AlarmActions: Match.anyValue() },
      2,
    );
  });

  it('passes cdk-nag AwsSolutions checks with every suppression reasoned', () => {
    const report = new cdkNag.AwsSolutionsChecks().validateScope(stack);
    assert.deepEqual(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`),
      [],
    );
  });
});

describe('GoujiStack with -c ocr=local', () => {
  const { stack, template } = synth('local');

  it('makes the process function a container image and drops Textract', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      PackageType: 'Image',
      Environment: { Variables: Match.objectLike({ GOUJI_OCR_ENGINE: 'local' }) },
    });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    assert.ok(!JSON.stringify(template.toJSON()).includes('textract:'));
  });

  it('passes cdk-nag AwsSolutions checks', () => {
    assert.deepEqual(
      new cdkNag.AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName),
      [],
    );
  });
});
