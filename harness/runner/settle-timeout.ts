/** A scenario's controller wait (`settleTimeoutSeconds` in scenario.yaml), as the live runner takes it. */
import type { Scenario } from '../model/scenario.js';
import { DEFAULT_SETTLE_TIMEOUT_MS } from './live.js';

/** How long live sessions of this scenario wait for the controller to settle, in ms (default 90 s). */
export function settleTimeoutMs(scenario: Pick<Scenario, 'settleTimeoutSeconds'>): number {
  return scenario.settleTimeoutSeconds === undefined ? DEFAULT_SETTLE_TIMEOUT_MS : scenario.settleTimeoutSeconds * 1000;
}
