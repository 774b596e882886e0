/**
 * How much of the scenario a grade covers. An offline grade judges only the git and render boundaries, so
 * its PASS must not read as the whole scenario's: "PASS 10/10 offline; 7 points need a cluster".
 */
import type { GradeResult } from '../model/result.js';

export function scopeNote(result: Pick<GradeResult, 'scope' | 'checks'>): string {
  const ungraded = result.checks.filter((c) => c.status === 'skipped').reduce((s, c) => s + c.max, 0);
  if (ungraded === 0) return result.scope === 'offline' ? ' offline' : '';
  return ` ${result.scope}; ${ungraded} point${ungraded === 1 ? '' : 's'} need${ungraded === 1 ? 's' : ''} a cluster`;
}
