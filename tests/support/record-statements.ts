import type { InArgs, InStatement } from '@libsql/client';
import type { DatabaseConnection } from '../../db/client';

/** Records the SQL of every statement `connection` runs from now on (outside transactions), in order. */
export function recordStatements(connection: DatabaseConnection): string[] {
  const statements: string[] = [];
  const execute = connection.client.execute.bind(connection.client);
  connection.client.execute = ((statement: InStatement, args?: InArgs) => {
    statements.push(typeof statement === 'string' ? statement : statement.sql);
    return typeof statement === 'string' ? execute(statement, args) : execute(statement);
  }) as typeof connection.client.execute;
  return statements;
}
