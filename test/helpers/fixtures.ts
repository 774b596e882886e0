/** Evidence recorded from real plays of the bank (refresh with `npm run fixtures`). */
import { readFileSync } from 'node:fs';
import { Evidence } from '../../harness/model/evidence.js';

const ROOT = new URL('../fixtures/', import.meta.url).pathname;

/** Offline evidence (`npm run fixtures`), or live evidence recorded on a real cluster (`npm run fixtures:live`). */
export function fixture(scenario: string, controller: 'argocd' | 'flux', phase: string, scope: 'offline' | 'live' = 'offline'): Evidence {
  const file = `${ROOT}${scope}/${scenario}/${controller}/${phase}.json`;
  return Evidence.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A deep copy to change one thing in, for edge cases around a recorded run. */
export function variant(evidence: Evidence, change: (e: Evidence) => void): Evidence {
  const copy = structuredClone(evidence);
  change(copy);
  return copy;
}
