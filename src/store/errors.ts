import { problem, problemText, type Problem, type ProblemKey } from '../domain/problems';

/**
 * A refusal the rep can act on: the record is missing, already exists, or breaks a rule. Its
 * `problem` travels to the page, which shows it in the rep's language; `message` is English.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    readonly problem: Problem,
  ) {
    super(problemText(problem));
    this.name = 'StoreError';
  }

  static of(code: StoreError['code'], path: string, key: ProblemKey, ...values: (string | number)[]): StoreError {
    return new StoreError(code, problem(path, key, ...values));
  }
}
