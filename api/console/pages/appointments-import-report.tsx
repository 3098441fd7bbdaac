import type { FC } from 'hono/jsx';
import type { ImportResult } from '../../appointments/import-appointments';

/**
 * What an upload did: the counts of an import that went in, or, for a refused file, that nothing
 * was imported and each problem by line and field (the first 1,000, all counted).
 */
export const ImportReport: FC<{ result: ImportResult; fileName: string }> = ({ result, fileName }) =>
  result.committed ? (
    <section class="notice ok" role="status" aria-labelledby="import-result">
      <h2 id="import-result">{fileName} was imported</h2>
      <ul>
        <li>Rows read: {result.received}</li>
        <li>New appointments: {result.inserted}</li>
        <li>Appointments already known (updated where the file differs): {result.updated}</li>
        <li>Moved at once because an open outage covers their date: {result.rescheduled}</li>
      </ul>
    </section>
  ) : (
    <section aria-labelledby="import-result">
      <div class="notice error" role="alert">
        <h2 id="import-result">Nothing was imported from {fileName}</h2>
        <p>
          {result.problemLines} line(s) have problems ({result.errorCount} in all), so no row was stored. Fix them in the file and upload it again.
          {result.errorCount > result.errors.length ? ` The first ${result.errors.length} problems are listed.` : ''}
        </p>
      </div>
      <div class="table-wrap" tabindex={0} role="region" aria-label="Problems by line">
        <table>
          <caption class="vh">Problems in {fileName}, by line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((problem) => (
              <tr>
                <td>{problem.line}</td>
                <td>
                  <code>{problem.field}</code>
                </td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
