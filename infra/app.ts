import { App, Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { GoujiStack } from './gouji-stack.ts';

// cdk-nag is CommonJS; Node's ESM loader sees its exports only through the default import.
const { AwsSolutionsChecks } = cdkNag;

// The only place that reads context: `-c ocr=textract` sends scanned pages to Textract instead of
// the local engine, `-c alarmEmail=ops@example.org` subscribes an address to the alarms.
const app = new App();
const ocr = app.node.tryGetContext('ocr') as string | undefined;
if (ocr !== undefined && ocr !== 'textract' && ocr !== 'local') throw new Error(`context ocr must be local or textract, not ${ocr}`);
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'Gouji';

new GoujiStack(app, stackName, {
  ...(ocr === undefined ? {} : { ocrEngine: ocr }),
  ...(alarmEmail === undefined ? {} : { alarmEmail }),
  // Environment-agnostic unless the CLI knows the account (cdk deploy with credentials).
  ...(process.env['CDK_DEFAULT_ACCOUNT'] === undefined || process.env['CDK_DEFAULT_REGION'] === undefined
    ? {}
    : { env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] } }),
});
// cdk-nag v3 runs as a policy-validation plugin: an unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
