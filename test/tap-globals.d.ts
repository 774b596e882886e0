/**
 * `Tap.Test`, the type of `t` inside a subtest, as the tests name it (tap 21 has no global `Tap` namespace of
 * its own). Types only: `tsc -p tsconfig.test.json` reads it, nothing runs it.
 */
import type { BuiltPlugins, Test as TapTest, TestOpts } from '@tapjs/test';

declare global {
  namespace Tap {
    type Test = TapTest<BuiltPlugins, TestOpts> & BuiltPlugins;
  }
}

export {};
