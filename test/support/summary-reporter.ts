import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints the run's closing line as `N passed, N failed, N skipped`, the plain
 * form CI reads in any language; skipped tests are listed with their reasons.
 * An error outside any test (an unhandled rejection) counts as a failure, as it
 * does for vitest's exit code.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(test.fullName);
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    for (const name of skipped) console.log(`skipped: ${name}`);
    console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  }
}
