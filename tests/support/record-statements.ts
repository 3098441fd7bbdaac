import type { InArgs, InStatement, TransactionMode } from '@libsql/client';
import type { DatabaseConnection } from '../../db/client';

export type RecordedStatement = { sql: string; args: InArgs };

function recorded(statement: InStatement | [string, InArgs?], args?: InArgs): RecordedStatement {
  if (typeof statement === 'string') return { sql: statement, args: args ?? [] };
  if (Array.isArray(statement)) return { sql: statement[0], args: statement[1] ?? [] };
  return { sql: statement.sql, args: statement.args ?? [] };
}

/**
 * Records every statement `connection` runs from now on, in order, with its arguments: alone, in a
 * batch (the claim of a new email batch) or inside a transaction.
 */
export function recordStatements(connection: DatabaseConnection): RecordedStatement[] {
  const statements: RecordedStatement[] = [];
  const { client } = connection;
  const execute = client.execute.bind(client);
  client.execute = ((statement: InStatement, args?: InArgs) => {
    statements.push(recorded(statement, args));
    return typeof statement === 'string' ? execute(statement, args) : execute(statement);
  }) as typeof client.execute;
  const batch = client.batch.bind(client);
  client.batch = ((batchStatements: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) => {
    statements.push(...batchStatements.map((statement) => recorded(statement)));
    return batch(batchStatements, mode);
  }) as typeof client.batch;
  const transaction = client.transaction.bind(client);
  client.transaction = (async (mode?: TransactionMode) => {
    const tx = await transaction(mode);
    const run = tx.execute.bind(tx);
    tx.execute = (statement: InStatement) => {
      statements.push(recorded(statement));
      return run(statement);
    };
    return tx;
  }) as typeof client.transaction;
  return statements;
}
