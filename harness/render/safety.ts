/**
 * Before kustomize runs, gitops-lab reads the kustomization files an environment reaches and refuses
 * anything that would reach the network or run code: remote bases, Helm chart inflation, exec/KRM function
 * plugins. The refusal is render evidence ("refused"), named by file and field.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import { parseDocument } from 'yaml';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function looksRemote(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^git@/.test(ref) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref) || /[?&]ref=/.test(ref);
}

async function findKustomization(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    try {
      if ((await stat(join(dir, name))).isFile()) return join(dir, name);
    } catch {
      // try the next name
    }
  }
  return undefined;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Returns a refusal message, or undefined when the environment is safe to render. */
export async function checkRenderSafety(root: string, envPath: string): Promise<string | undefined> {
  const seen = new Set<string>();
  const queue = [normalize(join(root, envPath))];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const file = await findKustomization(dir);
    if (!file) continue;
    const display = relative(root, file);
    const doc = parseDocument(await readFile(file, 'utf8')).toJS() as Record<string, unknown> | null;
    if (!doc || typeof doc !== 'object') continue;
    for (const field of ['resources', 'bases', 'components']) {
      const list = doc[field];
      if (!Array.isArray(list)) continue;
      for (const [i, entry] of list.entries()) {
        if (typeof entry !== 'string') continue;
        if (looksRemote(entry)) {
          return `${display}: ${field}[${i}]: remote base "${entry}" refused: gitops-lab renders only what is in the repository (no network)`;
        }
        const target = normalize(join(dir, entry));
        if (await isDirectory(target)) queue.push(target);
      }
    }
    if (doc['helmCharts'] !== undefined || doc['helmChartInflationGenerator'] !== undefined) {
      return `${display}: helmCharts: Helm chart inflation refused: it fetches charts over the network`;
    }
    for (const field of ['generators', 'transformers', 'validators']) {
      const list = doc[field];
      if (!Array.isArray(list)) continue;
      for (const [i, entry] of list.entries()) {
        if (typeof entry !== 'string') {
          if (JSON.stringify(entry).includes('config.kubernetes.io/function')) {
            return `${display}: ${field}[${i}]: KRM function plugins refused: gitops-lab does not run code from a repository`;
          }
          continue;
        }
        if (looksRemote(entry)) return `${display}: ${field}[${i}]: remote "${entry}" refused (no network)`;
        const target = normalize(join(dir, entry));
        if (await isDirectory(target)) {
          queue.push(target);
          continue;
        }
        const text = await readFile(target, 'utf8').catch(() => '');
        if (/config\.kubernetes\.io\/function|^\s*(exec|container|starlark)\s*:/m.test(text)) {
          return `${display}: ${field}[${i}]: exec or KRM function plugin "${entry}" refused: gitops-lab does not run code from a repository`;
        }
      }
    }
  }
  return undefined;
}
