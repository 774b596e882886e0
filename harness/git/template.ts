/**
 * Values the harness fills into a scenario's repo content and steps when a lab is created:
 * `{{lab.repoURL}}`, `{{lab.run}}`, `{{lab.suffix}}`, `{{lab.ns.<environment>}}`, `{{lab.project}}`.
 */
export interface LabVars {
  readonly repoURL: string;
  readonly runId: string;
  /** Appended to object names: empty offline, `-<run>` when runs share a cluster. */
  readonly suffix: string;
  /** Environment -> namespace, already suffixed when runs share a cluster. */
  readonly namespaces: Readonly<Record<string, string>>;
  /** The Argo CD AppProject a registration names: the run's own (`lab-<run>`) on a cluster, `default` offline. */
  readonly project: string;
}

export function fillTemplate(text: string, vars: LabVars): string {
  return text.replace(/\{\{\s*lab\.([a-zA-Z]+)(?:\.([a-z0-9-]+))?\s*\}\}/g, (whole, key: string, arg: string | undefined) => {
    if (key === 'repoURL') return vars.repoURL;
    if (key === 'run') return vars.runId;
    if (key === 'suffix') return vars.suffix;
    if (key === 'project') return vars.project;
    if (key === 'ns' && arg !== undefined && vars.namespaces[arg] !== undefined) return vars.namespaces[arg];
    return whole;
  });
}

/** Fills templates in every string inside a value (step parameters). */
export function fillDeep<T>(value: T, vars: LabVars): T {
  if (typeof value === 'string') return fillTemplate(value, vars) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, vars)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, vars)])) as T;
  }
  return value;
}
