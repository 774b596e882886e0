/**
 * The harness's small family of typed errors. A grader *returns* findings when the learner is wrong;
 * the harness *throws* one of these when it could not judge. Only the CLI entry point turns them
 * into exit codes (see exitCodeFor).
 */

export type ErrorCode =
  | 'USAGE' // bad flags or arguments
  | 'INVALID_SCENARIO' // a scenario file failed its schema or a lint rule
  | 'INVALID_CONFIG' // a configuration or evidence file is not what it must be
  | 'COMMAND_FAILED' // an external command (git, kubectl, kind, go, ...) failed
  | 'TOOL_MISSING' // an external command is not installed
  | 'TIMEOUT' // a bounded wait ran out
  | 'CLUSTER_UNAVAILABLE' // the cluster or a controller did not answer
  | 'NOT_FOUND'; // a scenario, workspace or session does not exist

export interface LabErrorOptions {
  readonly cause?: unknown;
  /** One sentence on what to do about it. */
  readonly suggestion?: string;
  /** Extra lines of detail (a stderr tail, a list of schema issues). */
  readonly details?: readonly string[];
}

export class LabError extends Error {
  readonly code: ErrorCode;
  readonly suggestion: string | undefined;
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, options: LabErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LabError';
    this.code = code;
    this.suggestion = options.suggestion;
    this.details = options.details ?? [];
  }
}

/** Exit codes (README.md "Exit codes", generated from this function): 2 usage or invalid input, 3 infrastructure. */
export function exitCodeFor(error: unknown): 2 | 3 {
  if (error instanceof LabError) {
    switch (error.code) {
      case 'USAGE':
      case 'INVALID_SCENARIO':
      case 'INVALID_CONFIG':
      case 'NOT_FOUND':
        return 2;
      default:
        return 3;
    }
  }
  return 3;
}

export function formatError(error: unknown): string {
  if (error instanceof LabError) {
    const lines = [`error: ${error.message}`];
    for (const d of error.details) lines.push(`  ${d}`);
    if (error.suggestion) lines.push(`hint: ${error.suggestion}`);
    return lines.join('\n');
  }
  if (error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}
