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
  return mapStrings(value, (s) => fillTemplate(s, vars));
}

/** Applies `f` to every string inside a value. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}

/**
 * `{{git.<revision>}}` in a git.commit step: the full id of the commit a HEAD-relative revision (`HEAD`,
 * `HEAD~2`, `HEAD^`) names when the step is played, before its own commit is made. A solution's delivery note
 * names the fix it follows (`{{git.HEAD}}`) and the revision to roll back to (`{{git.HEAD~2}}`) this way, as
 * their ids differ from one lab to the next.
 */
const REVISION = /\{\{\s*git\.(HEAD(?:[~^]\d{0,3})*)\s*\}\}/g;

/** The revisions a step's strings name with `{{git.<revision>}}`, each once. */
export function revisionsIn(value: unknown): string[] {
  const found = new Set<string>();
  mapStrings(value, (s) => {
    for (const m of s.matchAll(REVISION)) found.add(m[1]!);
    return s;
  });
  return [...found];
}

/** Replaces every `{{git.<revision>}}` with the commit id `ids` holds for it. */
export function fillRevisions<T>(value: T, ids: ReadonlyMap<string, string>): T {
  return mapStrings(value, (s) => s.replace(REVISION, (whole, rev: string) => ids.get(rev) ?? whole));
}
