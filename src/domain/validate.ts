/**
 * A tiny runtime validator for data crossing a trust boundary (messages, imports). It is
 * deliberately strict: unknown keys, prototype keys and wrong types are errors that name the
 * field, so a bad input is refused whole with a message a person can act on.
 */
import { problem, problemText, type Problem, type ProblemKey } from './problems';

export type Check<T> = (value: unknown, path: string) => Result<T>;
/** A refusal carries its `problem` (shown translated) and the same in English as `error`. */
export type Result<T> = { readonly ok: true; readonly value: T } | Refusal;
export type Refusal = { readonly ok: false; readonly error: string; readonly problem: Problem };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Refuses the value at `path` for the reason `key` (see problems.ts), with the template's values. */
export function refuse(path: string, key: ProblemKey, ...values: (string | number)[]): Refusal {
  return refusal(problem(path, key, ...values));
}

export function refusal(reason: Problem): Refusal {
  return { ok: false, error: problemText(reason), problem: reason };
}

/** The same refusal, found in a CSV row. */
export function inRow(result: Refusal, row: number): Refusal {
  return refusal({ ...result.problem, row });
}

const fail = (path: string, key: ProblemKey, ...values: (string | number)[]): Result<never> => refuse(path || 'value', key, ...values);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function str(opts: { min?: number; max: number; pattern?: RegExp; trim?: boolean }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, 'mustBeText');
    const text = opts.trim === false ? value : value.trim();
    if (text.length < (opts.min ?? 0)) return opts.min === 1 ? fail(path, 'required') : fail(path, 'tooShort', opts.min ?? 0);
    if (text.length > opts.max) return fail(path, 'tooLong', opts.max);
    if (opts.pattern && !opts.pattern.test(text)) return fail(path, 'badFormat');
    return ok(text);
  };
}

export function num(opts: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'mustBeNumber');
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'mustBeWhole');
    if (value < opts.min || value > opts.max) return fail(path, 'outOfRange', opts.min, opts.max);
    return ok(value);
  };
}

export const bool: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? ok(value) : fail(path, 'mustBeYesNo');

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(path, 'mustBeOneOf', values.join(', '));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? ok(null) : check(value, path));
}

export function arrayOf<T>(check: Check<T>, opts: { max: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'mustBeList');
    if (value.length > opts.max) return fail(path, 'tooManyItems', opts.max);
    const out: T[] = [];
    for (const [index, item] of value.entries()) {
      const result = check(item, `${path}[${index}]`);
      if (!result.ok) return result;
      out.push(result.value);
    }
    return ok(out);
  };
}

/** A plain object used as a map: at most `max` entries, each key and value checked. */
export function recordOf<T>(key: Check<string>, check: Check<T>, opts: { max: number }): Check<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'mustBeObject');
    const entries = Object.entries(value);
    if (entries.length > opts.max) return fail(path, 'tooManyItems', opts.max);
    const out: [string, T][] = [];
    for (const [name, item] of entries) {
      if (FORBIDDEN_KEYS.has(name)) return fail(join(path, name), 'notAllowed');
      const checkedKey = key(name, join(path, name));
      if (!checkedKey.ok) return checkedKey;
      const result = check(item, join(path, name));
      if (!result.ok) return result;
      out.push([checkedKey.value, result.value]);
    }
    return ok(Object.fromEntries(out));
  };
}

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/**
 * A plain object with exactly these keys. Keys listed in `optional` may be absent; any other
 * key, and any prototype-polluting key, is refused.
 */
export function object<S extends Shape>(shape: S): Check<Out<S>>;
export function object<S extends Shape, O extends keyof S>(
  shape: S,
  optional: readonly O[],
): Check<Omit<Out<S>, O> & Partial<Pick<Out<S>, O>>>;
export function object<S extends Shape>(shape: S, optional: readonly (keyof S)[] = []): Check<unknown> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'mustBeObject');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) return fail(join(path, key), 'notAllowed');
      if (!Object.hasOwn(shape, key)) return fail(join(path, key), 'unknownField');
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      if (!Object.hasOwn(record, key)) {
        if (optional.includes(key)) continue;
        return fail(join(path, key), 'required');
      }
      const result = check(record[key], join(path, key));
      if (!result.ok) return result;
      out[key] = result.value;
    }
    return ok(out);
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
