import { z } from 'zod';
import { Controller } from './boundary.js';
import { Step } from './steps.js';

/** The scenario file format (scenarios/<id>/scenario.yaml). The JSON Schema in schemas/ is generated from this. */

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and dashes');

/**
 * A Helm environment: `path` is a chart directory in the repository, rendered with the pinned helm as the
 * registration asks (Argo CD's `source.helm.releaseName`/`valueFiles`; Flux's HelmRelease `releaseName` and its
 * chart's `valuesFiles`), into the environment's namespace.
 */
export const HelmSpec = z.strictObject({
  /** The release name the registration sets (Argo CD `helm.releaseName`, Flux `spec.releaseName`). */
  releaseName: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS label: lower-case letters, digits and dashes')
    .max(53),
  /**
   * Values files, relative to the chart directory, layered in order over the chart's values.yaml (Argo CD's
   * `helm.valueFiles`); files of the repository only.
   */
  valueFiles: z.array(z.string().min(1)).default([]),
});
export type HelmSpec = z.infer<typeof HelmSpec>;

export const EnvironmentSpec = z.strictObject({
  /** Namespace the environment deploys into; suffixed with the run id when runs share a cluster. */
  namespace: z.string().min(1),
  /** The kustomize directory that renders this environment (the overlay), or with `helm` the chart directory. */
  path: z.string().min(1),
  /** The directory holding this environment's controller registration, one sub-folder per controller. */
  registration: z.string().min(1),
  /** Render `path` as a Helm chart with `helm template` (release name, values files) instead of kustomize. */
  helm: HelmSpec.optional(),
});
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;

export const STANDARD_ENVIRONMENTS: Record<string, EnvironmentSpec> = Object.fromEntries(
  ['dev', 'staging', 'prod'].map((env) => [
    env,
    { namespace: `payments-${env}`, path: `apps/payment-api/overlays/${env}`, registration: `platform/clusters/${env}` },
  ]),
);

export const CheckSpec = z.strictObject({
  /** Unique within the scenario; what reports and wrongSolutions[].loses refer to. */
  name: Id,
  /** A grader from the registry, e.g. `git.changed-within`. */
  grader: z.string().min(1),
  /** The grader's parameters, validated against its own schema. */
  with: z.record(z.string(), z.unknown()).default({}),
  weight: z.number().int().positive(),
  /** Shown in practice mode. */
  hint: z.string().optional(),
  /**
   * Whether the check must fail right after the faults are seeded (validate proves it). A check that passes on
   * the seed (`false`) is a guard: it protects what the learner must not break.
   */
  failsAfterFaults: z.boolean().default(true),
  /**
   * A task check that shows progress on the task. Guards earn their weight only once a progress check (graded
   * in this scope) passes, so an untouched seed scores 0. Default: every task check except commit messages.
   */
  progress: z.boolean().optional(),
  /** Restrict the check to some controllers. */
  controllers: z.array(Controller).min(1).optional(),
});
export type CheckSpec = z.infer<typeof CheckSpec>;

export const WrongSolution = z.strictObject({
  id: Id,
  summary: z.string().min(1),
  steps: z.array(Step).min(1),
  /** The checks this near-miss must lose. */
  loses: z.array(z.string().min(1)).min(1),
  controllers: z.array(Controller).min(1).optional(),
});
export type WrongSolution = z.infer<typeof WrongSolution>;

/** Another correct fix, as a competent engineer might choose it: it must score full marks, like the solution. */
export const AlternativeSolution = z.strictObject({
  id: Id,
  summary: z.string().min(1),
  steps: z.array(Step).min(1),
  controllers: z.array(Controller).min(1).optional(),
});
export type AlternativeSolution = z.infer<typeof AlternativeSolution>;

export const Scenario = z.strictObject({
  id: Id,
  title: z.string().min(1),
  summary: z.string().min(1),
  /**
   * Which part of the course the scenario examines (one line: the topic and the boundary it is about), for the
   * README's scenario table. The bank's scenarios all say; one from elsewhere may leave it out.
   */
  examines: z.string().min(1).optional().describe("Which part of the course the scenario examines, in one line (the README's scenario table)."),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
  timeLimitMinutes: z.number().int().positive(),
  controllers: z.array(Controller).min(1),
  /** Needs Argo Rollouts installed. */
  rollouts: z.boolean().default(false),
  workload: z.string().min(1).default('payment-api'),
  trackedBranch: z.string().min(1).default('main'),
  /**
   * Live sessions: how long, at most, the harness waits for the controller to settle a push (reconciled at the
   * pushed revision, health settled) before it grades what is there, in seconds. Absent: 90. Raise it where the
   * controller's own retries take longer (Argo CD backs off between sync retries), so grading does not run mid-retry.
   */
  settleTimeoutSeconds: z
    .number()
    .int()
    .min(10)
    .max(1800)
    .optional()
    .describe('Live sessions: the longest wait, in seconds, for the controller to settle a push before grading (default 90).'),
  /** The text the learner sees. */
  prompt: z.string().min(1),
  /**
   * Where the initial Git tree comes from: the scenario's own repo/ folder, laid over a shared tree of the
   * bank (`extends`, relative to the bank), minus `omit` globs.
   */
  repo: z
    .strictObject({
      extends: z.string().min(1).optional(),
      omit: z.array(z.string().min(1)).default([]),
    })
    .default({ omit: [] }),
  /** Defaults to the bank's standard layout: dev, staging and prod of payment-api. */
  environments: z.record(z.string().regex(/^[a-z0-9-]+$/), EnvironmentSpec).default(STANDARD_ENVIRONMENTS),
  /**
   * Kustomize directories that are not environments but whose render a check may name (`render.field` with
   * `layer`): the shared base, say, so that a right fix is judged by what the layer renders, whichever of its
   * files holds the change (the Deployment itself, or the layer's `images:`).
   */
  layers: z.record(z.string().regex(/^[a-z0-9-]+$/), z.strictObject({ path: z.string().min(1) })).default({}),
  faults: z.array(Step).default([]),
  solution: z.strictObject({ summary: z.string().min(1), steps: z.array(Step).min(1) }),
  /** Other right fixes: lint and validate prove each scores full marks. */
  alternativeSolutions: z.array(AlternativeSolution).default([]),
  wrongSolutions: z.array(WrongSolution).default([]),
  checks: z.array(CheckSpec).min(1),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
