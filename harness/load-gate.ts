/**
 * A gate for jobs that share the machine with the cluster they drive (validate's phases): at least `min` run
 * whatever the load, at most `max`; in between a job starts only while the machine's CPU has been less than
 * `busyBelow` busy over the last `windowMs`, and no sooner than `spacingMs` after the previous start (a phase
 * that has just begun has not shown its load yet). The bank's phases alternate between CPU (renders, the API
 * server, the controllers) and waiting (a Rollout's rest, a controller's retry): a fixed parallelism either left
 * the cores idle during the waits or thrashed the controllers during the work.
 */
import { cpus } from 'node:os';

/** Cumulative CPU time of the whole machine, busy and in all (ms, as os.cpus() counts it). */
export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

export function machineCpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times: t } of cpus()) {
    const all = t.user + t.nice + t.sys + t.idle + t.irq;
    total += all;
    busy += all - t.idle;
  }
  return { busy, total };
}

export interface LoadGateOptions {
  readonly min: number;
  readonly max: number;
  /** The busy share (0..1) under which one more job may start. */
  readonly busyBelow: number;
  readonly windowMs: number;
  readonly spacingMs: number;
  readonly pollMs: number;
  /** Injected in tests; the machine's by default. */
  readonly cpu?: () => CpuTimes;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** `--parallel auto` on this machine: two at least, up to two per core and two more, below 85 % busy. */
export function autoParallel(cores: number = cpus().length): LoadGateOptions {
  return { min: 2, max: 2 * Math.max(1, cores) + 2, busyBelow: 0.85, windowMs: 3_000, spacingMs: 3_000, pollMs: 500 };
}

/** A fixed parallelism: n at once, the load not looked at. */
export function fixedParallel(n: number): LoadGateOptions {
  return { min: n, max: n, busyBelow: 1, windowMs: 0, spacingMs: 0, pollMs: 500 };
}

export class LoadGate {
  private running = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private turn: Promise<void> = Promise.resolve();
  private readonly samples: { at: number; times: CpuTimes }[] = [];
  private readonly cpu: () => CpuTimes;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The most that ran at once (for reports and tests). */
  peak = 0;

  constructor(readonly options: LoadGateOptions) {
    if (!Number.isInteger(options.min) || !Number.isInteger(options.max) || options.min < 1 || options.max < options.min) {
      throw new RangeError(`LoadGate: expected 1 <= min <= max, got min ${options.min}, max ${options.max}`);
    }
    this.cpu = options.cpu ?? machineCpuTimes;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** The busy share over the last window (1 until a window's worth of samples exists: unknown counts as busy). */
  busy(): number {
    const at = this.now();
    this.samples.push({ at, times: this.cpu() });
    // Keep the newest sample at least a window old as the first; one from long before (no one asked since) is stale.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.options.windowMs) this.samples.shift();
    if (this.samples.length > 1 && this.samples[0]!.at < at - 2 * this.options.windowMs) this.samples.splice(0, this.samples.length - 1);
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    if (last.at - first.at < this.options.windowMs || last.times.total <= first.times.total) return 1;
    return (last.times.busy - first.times.busy) / (last.times.total - first.times.total);
  }

  private mayStart(): boolean {
    if (this.running < this.options.min) return true;
    if (this.running >= this.options.max) return false;
    if (this.now() - this.lastStart < this.options.spacingMs) return false;
    return this.busy() < this.options.busyBelow;
  }

  /** Resolves when the job may start; one waiter decides at a time, in the order they asked. */
  enter(): Promise<void> {
    const mine = this.turn.then(async () => {
      for (;;) {
        if (this.mayStart()) break;
        await this.sleep(this.options.pollMs);
      }
      this.running += 1;
      this.peak = Math.max(this.peak, this.running);
      this.lastStart = this.now();
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  leave(): void {
    this.running = Math.max(0, this.running - 1);
  }

  /** Runs `job` once the gate lets it start, and lets the next one in when it ends. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await job();
    } finally {
      this.leave();
    }
  }
}
