/**
 * Reads scenario files: YAML -> zod schema -> lint rules, into a result whose errors name the file and
 * the path (`scenarios/wrong-selector/scenario.yaml: checks[2].with.service: Required`).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { GRADERS } from '../../graders/index.js';
import { Scenario } from '../model/scenario.js';
import { LabError } from '../errors.js';
import { DEFAULT_BANK } from '../paths.js';

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The scenario's folder (holding scenario.yaml and repo/). */
  readonly dir: string;
  readonly file: string;
}

export type LoadResult =
  | { readonly ok: true; readonly value: LoadedScenario; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[]; readonly warnings: readonly string[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_type') {
    let cur: unknown = input;
    for (const p of issue.path) cur = cur === undefined || cur === null ? undefined : (cur as Record<PropertyKey, unknown>)[p];
    if (cur === undefined) return 'Required';
    return `expected ${issue.expected}, got ${describeType(cur)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return `unknown or missing discriminator: ${issue.message}`;
  }
  return issue.message;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Parses scenario YAML text; `file` is used only to name the errors. */
export function parseScenarioText(text: string, file: string): LoadResult {
  const prefix = (path: string): string => `${file}: ${path}`;
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? '?'}:${e.linePos?.[0].col ?? '?'}: YAML: ${e.message.split('\n')[0]}`),
      warnings: [],
    };
  }
  const input = doc.toJS() as unknown;
  const parsed = Scenario.safeParse(input);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(prefix(`${formatPath(issue.path)}: ${issueMessage(issue, input)}`));
  }
  // Grader names and parameters are checked even when other fields are wrong, so one run reports all.
  const checks = Array.isArray((input as { checks?: unknown })?.checks) ? ((input as { checks: unknown[] }).checks) : [];
  checks.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) return;
    const check = c as { grader?: unknown; with?: unknown };
    if (typeof check.grader !== 'string') return;
    const grader = GRADERS.get(check.grader);
    if (!grader) {
      errors.push(prefix(`checks[${i}].grader: unknown grader "${check.grader}" (known: ${[...GRADERS.keys()].join(', ')})`));
      return;
    }
    const params = check.with ?? {};
    const res = grader.params.safeParse(params);
    if (!res.success) {
      for (const issue of res.error.issues) {
        errors.push(prefix(`${formatPath([`checks`, i, 'with', ...issue.path])}: ${issueMessage(issue, params)}`));
      }
    }
  });
  if (!parsed.success || errors.length > 0) return { ok: false, errors: dedupe(errors), warnings };
  errors.push(...lintRules(parsed.data).map(prefix));
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: { scenario: parsed.data, dir: '', file }, warnings };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Tools a hint may not send a learner to: a lab session puts kubectl (with kustomize) and git on hand, not these.
 * Each: what the hint says, and what to name instead.
 */
export const TOOLS_NOT_PROVIDED: readonly { readonly re: RegExp; readonly name: string; readonly instead: string }[] = [
  { re: /kubectl[ -]argo[ -]rollouts/, name: 'kubectl argo rollouts', instead: '`kubectl get rollout <name> -o yaml` (status.phase, status.abort, status.stableRS)' },
  { re: /`argocd\s/, name: 'the argocd CLI', instead: '`kubectl get application -n argocd <name> -o yaml`' },
  { re: /`flux\s/, name: 'the flux CLI', instead: '`kubectl get kustomizations -A`' },
];
/** A kubectl command that needs a cluster (kubectl kustomize does not). */
const CLUSTER_COMMAND = /kubectl\s+(?!kustomize\b)[a-z-]+/;

/** Whether a `{{...}}` in a check's parameters is one the grade fills (git/template.ts's fillTemplate: the same names). */
function resolvesInCheck(token: string, s: Scenario): boolean {
  const m = /^\{\{\s*lab\.([a-zA-Z]+)(?:\.([a-z0-9-]+))?\s*\}\}$/.exec(token);
  if (!m) return false;
  const [, key, arg] = m;
  if (arg === undefined) return ['repoURL', 'run', 'suffix', 'project'].includes(key!);
  return key === 'ns' && arg in s.environments;
}

/** Small named rules over a schema-valid scenario. Each returns `path: message` strings. */
export function lintRules(s: Scenario): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  s.checks.forEach((c, i) => {
    // Hints name only what a session has: no plugin or CLI it does not install, and no cluster command on a
    // check graded offline too (the git and render boundaries), where an offline session has no cluster.
    const hint = c.hint ?? '';
    for (const tool of TOOLS_NOT_PROVIDED) if (tool.re.test(hint)) out.push(`checks[${i}].hint: names ${tool.name}, which a lab session does not provide; name ${tool.instead}`);
    const boundary = GRADERS.get(c.grader)?.boundary;
    const command = CLUSTER_COMMAND.exec(hint)?.[0];
    if ((boundary === 'git' || boundary === 'render') && command && !TOOLS_NOT_PROVIDED.some((t) => t.re.test(hint))) {
      out.push(`checks[${i}].hint: "${command}" needs a cluster, but a ${boundary} check is graded offline too; point at the repository (or \`kubectl kustomize\`) instead`);
    }
    if (names.has(c.name)) out.push(`checks[${i}].name: duplicate check name "${c.name}"`);
    names.add(c.name);
    for (const ctl of c.controllers ?? []) {
      if (!s.controllers.includes(ctl)) out.push(`checks[${i}].controllers: "${ctl}" is not one of the scenario's controllers`);
    }
    // `{{lab.*}}` in parameters is filled from the graded run; one that names nothing would reach the grader as is.
    for (const m of JSON.stringify(c.with).matchAll(/\{\{[^}]*\}\}/g)) {
      if (resolvesInCheck(m[0], s)) continue;
      out.push(`checks[${i}].with: ${m[0]} names nothing (a check's parameters may use {{lab.ns.<environment>}} for ${Object.keys(s.environments).join(', ')}, {{lab.suffix}}, {{lab.run}}, {{lab.project}}, {{lab.repoURL}})`);
    }
    const env = (c.with as { environment?: unknown }).environment;
    if (typeof env === 'string' && !(env in s.environments)) out.push(`checks[${i}].with.environment: unknown environment "${env}"`);
    const layer = (c.with as { layer?: unknown }).layer;
    if (typeof layer === 'string' && !(layer in s.layers)) out.push(`checks[${i}].with.layer: unknown layer "${layer}" (the scenario's layers: ${Object.keys(s.layers).join(', ') || 'none'})`);
    const envs = (c.with as { environments?: unknown }).environments;
    if (Array.isArray(envs)) {
      envs.forEach((e, j) => {
        if (typeof e === 'string' && !(e in s.environments)) out.push(`checks[${i}].with.environments[${j}]: unknown environment "${e}"`);
      });
    }
  });
  const steps = [
    ...s.faults.map((st, i) => [`faults[${i}]`, st] as const),
    ...s.solution.steps.map((st, i) => [`solution.steps[${i}]`, st] as const),
    ...s.alternativeSolutions.flatMap((a, ai) => a.steps.map((st, i) => [`alternativeSolutions[${ai}].steps[${i}]`, st] as const)),
    ...s.wrongSolutions.flatMap((w, wi) => w.steps.map((st, i) => [`wrongSolutions[${wi}].steps[${i}]`, st] as const)),
  ];
  for (const [path, st] of steps) {
    if ('environment' in st && !(st.environment in s.environments)) out.push(`${path}.environment: unknown environment "${st.environment}"`);
  }
  const ids = new Set<string>();
  s.alternativeSolutions.forEach((a, i) => {
    if (ids.has(a.id)) out.push(`alternativeSolutions[${i}].id: duplicate id "${a.id}"`);
    ids.add(a.id);
    for (const ctl of a.controllers ?? []) if (!s.controllers.includes(ctl)) out.push(`alternativeSolutions[${i}].controllers: "${ctl}" is not one of the scenario's controllers`);
  });
  s.wrongSolutions.forEach((w, i) => {
    if (ids.has(w.id)) out.push(`wrongSolutions[${i}].id: duplicate id "${w.id}"`);
    ids.add(w.id);
    w.loses.forEach((name, j) => {
      if (!names.has(name)) out.push(`wrongSolutions[${i}].loses[${j}]: no check named "${name}"`);
    });
  });
  if (!s.checks.some((c) => c.failsAfterFaults)) out.push('checks: at least one check must fail after the faults');
  return out;
}

export async function loadScenarioFile(file: string, root = process.cwd()): Promise<LoadResult> {
  const display = relative(root, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`${display}: cannot read: ${(error as Error).message}`], warnings: [] };
  }
  const result = parseScenarioText(text, display);
  if (!result.ok) return result;
  const dir = join(file, '..');
  const id = result.value.scenario.id;
  const folder = dir.split('/').pop();
  const errors: string[] = [];
  if (folder !== id) errors.push(`${display}: id: "${id}" must match its folder name "${folder}"`);
  const repoDirs = [join(dir, 'repo'), ...(result.value.scenario.repo.extends ? [join(dir, '..', result.value.scenario.repo.extends)] : [])];
  const present = await Promise.all(repoDirs.map((d) => stat(d).then((s) => s.isDirectory(), () => false)));
  if (result.value.scenario.repo.extends && !present[1]) {
    errors.push(`${display}: repo.extends: "${result.value.scenario.repo.extends}" is not a folder of the bank`);
  } else if (!present.some(Boolean)) {
    errors.push(`${display}: repo/: the scenario's initial Git tree is missing (add repo/ or repo.extends)`);
  }
  if (errors.length > 0) return { ok: false, errors, warnings: result.warnings };
  return { ok: true, value: { ...result.value, dir, file: display }, warnings: result.warnings };
}


export function bankDir(): string {
  return process.env['GITOPS_LAB_SCENARIOS'] ?? DEFAULT_BANK;
}

export async function listScenarioIds(bank = bankDir()): Promise<string[]> {
  const entries = await readdir(bank, { withFileTypes: true });
  const ids: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    try {
      await stat(join(bank, e.name, 'scenario.yaml'));
      ids.push(e.name);
    } catch {
      // a folder without scenario.yaml is not a scenario
    }
  }
  return ids.sort();
}

/**
 * What a scenario id may be: one folder name of the bank (the bank's ids are kebab-case). An id is never a
 * path, so one read from a session or an evidence bundle (`../../x`) cannot select a folder outside the bank.
 */
export const SAFE_SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Loads one scenario by id, throwing INVALID_SCENARIO with every error when it does not parse. */
export async function loadScenario(id: string, bank = bankDir()): Promise<LoadedScenario> {
  if (typeof id !== 'string' || !SAFE_SCENARIO_ID.test(id)) {
    throw new LabError('USAGE', `scenario id ${JSON.stringify(id)} is not a scenario id (lower-case letters, digits and dashes, at most 63)`, {
      suggestion: 'gitops-lab list shows the scenarios of the bank',
    });
  }
  const file = join(bank, id, 'scenario.yaml');
  try {
    await stat(file);
  } catch {
    const known = await listScenarioIds(bank).catch(() => []);
    throw new LabError('NOT_FOUND', `no scenario "${id}" in ${bank}`, { suggestion: `known scenarios: ${known.join(', ')}` });
  }
  const result = await loadScenarioFile(file);
  if (!result.ok) throw new LabError('INVALID_SCENARIO', `scenario ${id} is invalid`, { details: result.errors });
  return result.value;
}
