import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every setting in one place, with the embedded defaults a newcomer runs with. Parsed once at
 * start from the environment (Lambda) or flags (CLI); a bad value fails fast naming the variable.
 */
export const ConfigSchema = z.object({
  /** refuse larger inputs before reading them */
  maxBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** refuse documents with more pages (a finding, status unreadable) */
  maxPages: z.coerce.number().int().positive().default(200),
  /** refuse page images with more pixels before decoding them (image bombs) */
  maxPixels: z.coerce.number().int().positive().default(60_000_000),
  /** which engine reads pages without a usable text layer */
  ocrEngine: z.enum(['local', 'textract', 'none']).default('local'),
  /** OCR'd cells below this confidence get an `ocr.lowConfidence` warning */
  ocrConfidenceThreshold: z.coerce.number().min(0).max(1).default(0.8),
  /** dpi for rendering pages that are not a single embedded image */
  ocrDpi: z.coerce.number().int().min(72).max(600).default(300),
  /** pages of one document OCR'd at once (default: the cores available) */
  ocrConcurrency: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => availableParallelism()),
  /** wall-clock budget for one document */
  timeoutMs: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 60 * 1000),
  /** JavaScript heap budget of one document in a `gouji process` worker (MB); over it → `document.timeout` */
  memoryMb: z.coerce.number().int().min(64).default(2048),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Environment variable for each setting (Lambda, `npm run local`). */
export const CONFIG_ENV: Record<keyof Config, string> = {
  maxBytes: 'GOUJI_MAX_BYTES',
  maxPages: 'GOUJI_MAX_PAGES',
  maxPixels: 'GOUJI_MAX_PIXELS',
  ocrEngine: 'GOUJI_OCR_ENGINE',
  ocrConfidenceThreshold: 'GOUJI_OCR_CONFIDENCE_THRESHOLD',
  ocrDpi: 'GOUJI_OCR_DPI',
  ocrConcurrency: 'GOUJI_OCR_CONCURRENCY',
  timeoutMs: 'GOUJI_TIMEOUT_MS',
  memoryMb: 'GOUJI_MEMORY_MB',
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses settings from an environment-like record; throws ConfigError naming the variable. */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const raw: Record<string, string> = {};
  for (const [key, variable] of Object.entries(CONFIG_ENV)) {
    const value = env[variable];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  return parseConfig(raw);
}

/** Parses settings given as a plain object (CLI flags); throws ConfigError. */
export function parseConfig(raw: Record<string, unknown>): Config {
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const variable = CONFIG_ENV[key as keyof Config] ?? key;
  throw new ConfigError(`invalid setting ${variable}: ${issue?.message ?? 'invalid value'}`);
}

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
