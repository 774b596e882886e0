/**
 * The one way gitops-lab waits: poll a check every `intervalMs` until it gives a value, bounded by `timeoutMs`.
 * Every wait names what it waits for and, when it gives up, reports the last state it saw. Base layer: the
 * supervisor, providers, git server, controllers and the runner all wait through here.
 *
 * A check answers with
 * - a value other than undefined, false or `{ pending }`: done, the wait returns it;
 * - undefined, false or `{ pending: 'what it sees now' }`: not yet (the pending text is the last state seen);
 * - a throw: recorded as the last state seen and tried again, unless it is a FatalWaitError (or the wait has
 *   `stopOnError`), which ends the wait at once with that error.
 */
import { LabError } from './errors.js';

/** "Not yet", with what the check sees now. */
export interface Pending {
  readonly pending: string;
}

export type CheckResult<T> = T | undefined | false | Pending;

/** Thrown from a check to stop waiting at once (e.g. the process we wait on has exited). */
export class FatalWaitError extends LabError {}

export interface WaitOptions {
  /** What the wait is for, as it reads after "waiting for" ("the kwok API server", "flux to handle the refresh"). */
  readonly what: string;
  readonly timeoutMs: number;
  /** Pause between checks. Default DEFAULT_INTERVAL_MS. */
  readonly intervalMs?: number;
  /**
   * The first pause, doubled after each check up to intervalMs: a wait whose answer usually comes within a few
   * hundred milliseconds (a controller answering a refresh) sees it when it comes, and a long wait still polls
   * at intervalMs. Default: intervalMs from the start.
   */
  readonly firstIntervalMs?: number;
  /** Called on timeout to add lines describing the state (log tails, object status). */
  readonly lastState?: () => string[];
  /** Any error the check throws ends the wait with that error (default: record it and try again). */
  readonly stopOnError?: boolean;
  /** Aborting ends the wait (during a check's pause too) with the signal's reason. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_INTERVAL_MS = 500;

/** How a wait ended: the check's value, or the deadline with the last state seen. */
export type Polled<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly last: string };

function isPending(r: unknown): r is Pending {
  return typeof r === 'object' && r !== null && 'pending' in r;
}

/** A pause of `ms` that an abort cuts short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls `check` until it gives a value or the deadline passes; never throws at the deadline (the caller decides
 * what running out means: an error, a log line, or going on). The check runs at least once.
 */
export async function pollUntil<T>(check: () => CheckResult<T> | Promise<CheckResult<T>>, options: WaitOptions): Promise<Polled<T>> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let pause = Math.min(options.firstIntervalMs ?? interval, interval);
  let last = 'no answer yet';
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const r = await check();
      if (isPending(r)) last = r.pending;
      else if (r !== undefined && r !== false) return { done: true, value: r };
    } catch (error) {
      if (error instanceof FatalWaitError || options.stopOnError) throw error;
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) return { done: false, last };
    await sleep(pause, options.signal);
    pause = Math.min(pause * 2, interval);
  }
}

/** The error a wait throws at its deadline: TIMEOUT (exit code 3), what it waited for, the last state seen. */
export function waitTimeout(options: Pick<WaitOptions, 'what' | 'timeoutMs' | 'lastState'>, last: string): LabError {
  return new LabError('TIMEOUT', `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.what}`, {
    details: [`last state: ${last}`, ...(options.lastState?.() ?? [])],
  });
}

/** Polls `check` until it gives a value and returns it; at the deadline throws waitTimeout's TIMEOUT error. */
export async function waitUntil<T>(check: () => CheckResult<T> | Promise<CheckResult<T>>, options: WaitOptions): Promise<T> {
  const r = await pollUntil(check, options);
  if (r.done) return r.value;
  throw waitTimeout(options, r.last);
}
