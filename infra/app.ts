import { App, Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { GoujiStack } from './gouji-stack.ts';

// cdk-nag is CommonJS; Node's ESM loader sees its exports only through the default import.
const { AwsSolutionsChecks } = cdkNag;

// The only place that reads context: `-c ocr=local` switches to the container-image OCR function.
const app = new App();
const ocr = app.node.tryGetContext('ocr') as string | undefined;
if (ocr !== undefined && ocr !== 'textract' && ocr !== 'local') throw new Error(`context ocr must be textract or local, not ${ocr}`);
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'Gouji';

new GoujiStack(app, stackName, {
  ...(ocr === undefined ? {} : { ocrEngine: ocr }),
  // Environment-agnostic unless the CLI knows the account (cdk deploy with credentials).
  ...(process.env['CDK_DEFAULT_ACCOUNT'] === undefined || process.env['CDK_DEFAULT_REGION'] === undefined
    ? {}
    : { env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] } }),
});
// cdk-nag v3 runs as a policy-validation plugin: an unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
