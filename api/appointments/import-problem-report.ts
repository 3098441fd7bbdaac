import type { ImportProblem } from './appointment-csv-row';

/** Problems an import answers with in full; beyond these it gives only the count (a 50 MB file of bad rows must not answer 80 MB). */
export const maxReportedProblems = 1_000;

export type ImportProblemReport = {
  /** The first `maxReportedProblems` problems, in line order. */
  readonly problems: ImportProblem[];
  /** All problems, reported or not. */
  readonly count: number;
  /** Lines with at least one problem. */
  readonly lines: number;
  add(problem: ImportProblem): void;
};

/** Collects an import's problems, keeping the first ones and counting all. Problems must arrive in line order. */
export function createImportProblemReport(): ImportProblemReport {
  const problems: ImportProblem[] = [];
  let count = 0;
  let lines = 0;
  let lastLine = -1;
  return {
    problems,
    get count() {
      return count;
    },
    get lines() {
      return lines;
    },
    add(problem) {
      count++;
      if (problem.line !== lastLine) lines++;
      lastLine = problem.line;
      if (problems.length < maxReportedProblems) problems.push(problem);
    },
  };
}
