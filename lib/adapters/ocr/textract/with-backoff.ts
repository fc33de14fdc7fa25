import { isThrottling, toTextractError } from './textract-error.ts';

export interface BackoffOptions {
  /** attempts in all, the first included (default 6) */
  maxAttempts?: number;
  /** first delay; doubles each time, with full jitter (default 200 ms) */
  baseDelayMs?: number;
  /** longest single delay (default 10 s) */
  maxDelayMs?: number;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Runs a Textract call, retrying throttling with exponential backoff and full jitter, a bounded
 * number of times; any other failure, or throttling past the bound, becomes a TextractError.
 */
export async function withBackoff<T>(action: string, call: () => Promise<T>, options: BackoffOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error) || attempt >= maxAttempts) throw toTextractError(action, error);
      await sleep(Math.round(random() * Math.min(cap, base * 2 ** (attempt - 1))));
    }
  }
}
