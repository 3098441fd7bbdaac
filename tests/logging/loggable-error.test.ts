import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loggableError, loggableErrorWithStack } from '../../api/logging/loggable-error';
import { createTestContext, type TestContext } from '../support/test-context';

describe('errors written to logs', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('keep a failed statement’s cause but never its parameters (names, addresses)', async () => {
    const failure = await t.db
      .run(sql`INSERT INTO no_such_table (email, full_name) VALUES (${'amina@example.com'}, ${'Amina Ali'})`)
      .then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // Drizzle's own message carries the parameters: the reason for this function.
    expect((failure as Error).message).toContain('amina@example.com');
    for (const line of [loggableError(failure), loggableErrorWithStack(failure)]) {
      expect(line).toContain('no such table');
      expect(line).not.toContain('amina@example.com');
      expect(line).not.toContain('Amina Ali');
    }
  });

  it('keep the stack of ordinary errors', () => {
    expect(loggableErrorWithStack(new Error('boom'))).toMatch(/^Error: boom\n\s+at /);
  });
});
