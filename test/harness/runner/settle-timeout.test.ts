/**
 * The controller wait of a scenario's live sessions: `settleTimeoutSeconds` in scenario.yaml, 90 s when absent,
 * bounded, and a bad value named by file and field.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTLE_TIMEOUT_MS } from '../../../harness/runner/live.js';
import { settleTimeoutMs } from '../../../harness/runner/settle-timeout.js';
import { loadScenario, parseScenarioText } from '../../../harness/scenario/load.js';
import { REPO_ROOT } from '../../helpers/cli.js';

const FILE = 'scenarios/promote-staging-image/scenario.yaml';
const text = readFileSync(join(REPO_ROOT, FILE), 'utf8');
const withTimeout = (value: string): string => text.replace(/^trackedBranch: .*$|^(controllers: .*)$/m, (line) => `${line}\nsettleTimeoutSeconds: ${value}`);

t.test('absent: the default, unchanged (90 s), for every scenario of the bank that does not set it', async (t) => {
  t.equal(DEFAULT_SETTLE_TIMEOUT_MS, 90_000);
  const { scenario } = await loadScenario('promote-staging-image');
  t.equal(scenario.settleTimeoutSeconds, undefined);
  t.equal(settleTimeoutMs(scenario), 90_000);
});

t.test('set in scenario.yaml: that many seconds', async (t) => {
  const parsed = parseScenarioText(withTimeout('240'), FILE);
  t.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n'));
  if (!parsed.ok) return;
  t.equal(parsed.value.scenario.settleTimeoutSeconds, 240);
  t.equal(settleTimeoutMs(parsed.value.scenario), 240_000);
  t.equal(settleTimeoutMs({ settleTimeoutSeconds: 10 }), 10_000);
  t.equal(settleTimeoutMs({ settleTimeoutSeconds: 1800 }), 1_800_000);
});

t.test('a bad value is named by file and field', async (t) => {
  for (const bad of ['0', '5', '1801', '90.5', '"90"', '-1']) {
    const parsed = parseScenarioText(withTimeout(bad), FILE);
    t.notOk(parsed.ok, bad);
    if (parsed.ok) continue;
    t.match(parsed.errors.join('\n'), `${FILE}: settleTimeoutSeconds: `, bad);
  }
});
