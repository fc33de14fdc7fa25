import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { UsageError } from './collect-inputs.ts';
import { HELP } from './help.ts';

// Only what --help and flag parsing need is imported up front; each command loads its modules
// (zod, the readers, the AWS SDK) when it runs, so `gouji --help` starts at once.

/** `gouji` entry: parses flags, wires the engines and runs a command. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  try {
    if (command === 'process') return await processCommand(rest);
    if (command === 'enqueue') return await enqueueCommand(rest);
    if (command === 'redrive') return await redriveCommand(rest);
    throw new UsageError(`未知命令“${command}”`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gouji: ${(error as Error).message}\n运行 gouji --help 查看用法。\n`);
      return 2;
    }
    process.stderr.write(`gouji: 运行失败：${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

async function processCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      ocr: { type: 'string', default: 'local' },
      'max-pages': { type: 'string' },
      'max-mb': { type: 'string' },
      timeout: { type: 'string' },
      jobs: { type: 'string' },
      corrections: { type: 'string' },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.out) throw new UsageError('缺少 --out <输出文件夹>');
  if (positionals.length === 0) throw new UsageError('缺少要处理的文件或文件夹');
  if (values.ocr !== 'local' && values.ocr !== 'none') throw new UsageError('--ocr 只能是 local 或 none');
  const config = await flagsToConfig({
    ocrEngine: values.ocr,
    maxPages: values['max-pages'],
    maxBytes: values['max-mb'] === undefined ? undefined : Number(values['max-mb']) * 1024 * 1024,
    timeoutMs: values.timeout === undefined ? undefined : Number(values.timeout) * 1000,
  });
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs 必须是正整数');
  const { runProcess } = await import('./process-command.ts');
  await runProcess(
    {
      paths: positionals,
      out: values.out,
      config,
      ocr: config.ocrEngine === 'local' ? 'local' : 'none',
      force: values.force,
      quiet: values.quiet,
      ...(jobs === undefined ? {} : { jobs }),
      ...(values.corrections === undefined ? {} : { corrections: values.corrections }),
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  return 0;
}

async function flagsToConfig(raw: Record<string, unknown>): Promise<Config> {
  const { parseConfig } = await import('../config.ts');
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  try {
    return parseConfig(defined);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function enqueueCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'queue-url': { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const target = positionals[0];
  const match = target ? /^s3:\/\/([^/]+)\/?(.*)$/.exec(target) : null;
  if (!match) throw new UsageError('需要 s3://<bucket>/<prefix>');
  if (!values['queue-url']) throw new UsageError('缺少 --queue-url <SQS 队列 URL>');
  const { runEnqueue } = await import('../enqueue.ts');
  const sent = await runEnqueue({
    bucket: match[1]!,
    prefix: match[2] ?? '',
    queueUrl: values['queue-url'],
    ...(values.region ? { region: values.region } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    log: (line: string) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`已发送 ${sent.sent} 条，跳过 ${sent.skipped} 条（结果已是最新）\n`);
  return 0;
}

async function redriveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'dlq-url': { type: 'string' },
      'queue-url': { type: 'string' },
      region: { type: 'string' },
      max: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values['dlq-url'] || !values['queue-url']) throw new UsageError('需要 --dlq-url <死信队列 URL> 和 --queue-url <处理队列 URL>');
  const [{ SQSClient }, { redrive }] = await Promise.all([import('@aws-sdk/client-sqs'), import('../redrive.ts')]);
  const sqs = new SQSClient(values.region ? { region: values.region } : {});
  try {
    const moved = await redrive({
      sqs,
      from: values['dlq-url'],
      to: values['queue-url'],
      ...(values.max === undefined ? {} : { max: Number(values.max) }),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`已将 ${moved} 条消息从死信队列送回处理队列\n`);
    return 0;
  } finally {
    sqs.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('lib/cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
