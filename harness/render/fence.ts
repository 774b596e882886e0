/**
 * The fence around a kustomize process, where the machine allows: an empty network namespace (`unshare
 * --net` as root, else `unshare --user --map-root-user --net`) so nothing can be reached even if a check
 * missed a form, and an address-space bound (`prlimit --as`) beside GOMEMLIMIT. Each is probed once per
 * process; without them the render relies on the checks alone and the evidence says so (`fence`).
 */
import { run } from '../exec.js';

/**
 * Address-space bound for kubectl. Measured here (kubectl v1.32, kustomize v5.5): Go reserves arenas up
 * front, so below 768 MiB even an empty render dies ("failed to reserve page summary memory"); 2 GiB leaves
 * room for renders far beyond RENDER_LIMITS while bounding a runaway.
 */
export const RENDER_ADDRESS_SPACE_BYTES = 2 * 1024 * 1024 * 1024;
/** The Go runtime's soft heap goal for kubectl kustomize. */
export const RENDER_GOMEMLIMIT = '512MiB';

export interface Fence {
  /** The command prefix: run `[...prefix, 'kubectl', ...]`. */
  readonly prefix: readonly string[];
  /** `netns` when the process runs in an empty network namespace, else `none: <why>`. */
  readonly network: string;
  /** `prlimit --as=<bytes>` when the address space is bounded, else `none: <why>`. */
  readonly memory: string;
}

async function works(file: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const r = await run(file, args, { cwd: '/', timeoutMs: 10_000, allowFailure: true, cleanEnv: true });
    return r.exitCode === 0 ? undefined : (r.stderr.trim().split('\n')[0] ?? `exit ${r.exitCode}`);
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

let probed: Promise<Fence> | undefined;

/** Detects, once, which fences work on this machine. Never throws. */
export function renderFence(): Promise<Fence> {
  probed ??= (async () => {
    const netns: string[][] = process.getuid?.() === 0 ? [['unshare', '--net'], ['unshare', '--user', '--map-root-user', '--net']] : [['unshare', '--user', '--map-root-user', '--net']];
    let network: string[] | undefined;
    let why = 'unshare is not available';
    for (const candidate of netns) {
      // The probe also proves the namespace is empty: only a loopback interface, and it is down.
      const failure = await works(candidate[0]!, [...candidate.slice(1), '--', 'true']);
      if (failure === undefined) {
        network = candidate;
        break;
      }
      why = `${candidate.join(' ')}: ${failure}`;
    }
    const asLimit = ['prlimit', `--as=${RENDER_ADDRESS_SPACE_BYTES}`];
    const memFailure = await works(asLimit[0]!, [...asLimit.slice(1), '--', 'true']);
    return {
      prefix: [...(network ? [...network, '--'] : []), ...(memFailure === undefined ? [...asLimit, '--'] : [])],
      network: network ? 'netns' : `none: ${why}`,
      memory: memFailure === undefined ? `prlimit --as=${RENDER_ADDRESS_SPACE_BYTES}` : `none: ${memFailure}`,
    };
  })();
  return probed;
}

/** The fence as one line for evidence: `netns` or `none: <reason>`, and the memory bound. */
export function describeFence(f: Fence): string {
  return `network: ${f.network}; memory: ${f.memory}, GOMEMLIMIT=${RENDER_GOMEMLIMIT}`;
}
