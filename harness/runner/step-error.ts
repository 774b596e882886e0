/**
 * A step that cannot be played because of what the scenario wrote (a `replace` whose text is not in the file, a
 * `set` on a file that is not there, a `rename` of a missing file) is a defect of the scenario. The edit itself
 * (git/edits.ts) names the file it targeted; this says where the step is written: the scenario file, the list
 * (`faults`, `solution.steps`, `wrongSolutions[1].steps`, ...), the step's index and action, and the edit's index.
 */
import { join, relative } from 'node:path';
import { LabError } from '../errors.js';
import type { FileEdit, Step } from '../model/steps.js';

/** A scenario folder's `scenario.yaml`, as the loader displays it (relative to the working directory). */
export function scenarioFileOf(scenarioDir: string, root = process.cwd()): string {
  const file = join(scenarioDir, 'scenario.yaml');
  return relative(root, file) || file;
}

/** How strongly an edit explains an edit error: 2 names its file and its text, 1 its file only, 0 not at all. */
function explains(edit: FileEdit, message: string): 0 | 1 | 2 {
  switch (edit.op) {
    case 'replace':
      if (message === `${edit.file}: no such file in the repository`) return 1;
      if (!message.startsWith(`replace in ${edit.file}: text "`)) return 0;
      return message === `replace in ${edit.file}: text "${edit.find}" not found` ? 2 : 1;
    case 'set':
      return message.startsWith(`${edit.file}: `) ? 1 : 0;
    case 'delete':
      return message.startsWith(`delete ${edit.file}: `) ? 1 : 0;
    case 'rename':
      return message.startsWith(`rename ${edit.from} -> ${edit.to}: `) ? 1 : 0;
    case 'write':
      return 0;
  }
}

/** Whether a step's own error (not one of its edits') is this message: the branch, revision, patch or kind it names. */
function stepExplains(step: Step, message: string): boolean {
  switch (step.action) {
    case 'git.commit':
      return step.branch !== undefined && message === `git.commit: branch "${step.branch}" does not exist in the lab repository`;
    case 'git.reset':
      return message.startsWith(`git.reset: "${step.to}" names no commit of `);
    case 'live.patch':
      return (step.patchType === 'json' && message.startsWith('live.patch: json patches')) || message.startsWith(`live step: kind ${step.kind} is not`);
    case 'live.scale':
    case 'live.delete':
      return message.startsWith(`live step: kind ${step.kind} is not`);
    case 'live.apply-render':
      return message.startsWith(`live.apply-render: ${step.environment} does not render: `);
    case 'controller.apply-registration':
      return message.startsWith('controller.apply-registration: ') && (message.includes(` ${step.manifest.kind}`) || message === `controller.apply-registration: no environment ${step.environment}`);
    case 'live.apply': {
      const { kind, metadata } = step.manifest;
      return (
        message.startsWith(`live.apply: ${kind} is cluster-scoped`) ||
        message.startsWith(`live.apply: ${kind}/${metadata.name} has apiVersion `) ||
        message === `live.apply: no environment ${step.environment}` ||
        message.startsWith(`live step: kind ${kind} is not`)
      );
    }
    default:
      return false;
  }
}

/**
 * Where in `steps` an error comes from, as `[2] (git.commit, edits[0] replace)` or `[3] (live.patch)`; undefined
 * when no step explains it. When several could, the ones that explain it best, joined by "or".
 */
export function locateStepError(message: string, steps: readonly Step[]): string | undefined {
  const found: { at: string; strength: number }[] = [];
  steps.forEach((step, i) => {
    if (stepExplains(step, message)) found.push({ at: `[${i}] (${step.action})`, strength: 2 });
    if (step.action !== 'git.commit' && step.action !== 'git.amend') return;
    step.edits.forEach((edit, j) => {
      const strength = explains(edit, message);
      if (strength > 0) found.push({ at: `[${i}] (${step.action}, edits[${j}] ${edit.op})`, strength });
    });
  });
  const best = Math.max(0, ...found.map((f) => f.strength));
  const at = found.filter((f) => f.strength === best).map((f) => f.at);
  return at.length === 0 ? undefined : at.join(' or ');
}

/**
 * Names the scenario file, the list and the step of a scenario defect thrown while playing `steps`
 * (INVALID_SCENARIO); any other error is returned as it is, and so is one already named.
 * `list` is where the steps are written (`faults`, `solution.steps`, `alternativeSolutions[0].steps`, ...).
 * `onlySteps`: the call that threw played these steps and nothing else, so an error no step explains is still
 * theirs (the list is named); otherwise such an error names the scenario file only.
 */
export function inScenarioStep(error: unknown, file: string, list: string, steps: readonly Step[], onlySteps = true): unknown {
  if (!(error instanceof LabError) || error.code !== 'INVALID_SCENARIO' || error.message.startsWith(`${file}: `)) return error;
  const at = locateStepError(error.message, steps);
  const where = at ? `${list}${at}: ` : onlySteps ? `${list}: ` : '';
  return new LabError('INVALID_SCENARIO', `${file}: ${where}${error.message}`, {
    cause: error,
    details: error.details,
    suggestion:
      error.suggestion ??
      (at ? 'an edit acts on the file as the earlier steps left it: check the text and the file against the repository at that step (gitops-lab lint plays every step offline)' : undefined),
  });
}
