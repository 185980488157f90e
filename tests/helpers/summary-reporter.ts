/**
 * Prints the closing line CI reads, "N passed, N failed" (with ", N skipped"), after vitest's own
 * report, and names the engine the run used.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
    process.stdout.write(`\nengine: ${engine}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
