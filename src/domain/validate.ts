/**
 * A tiny runtime validator for data crossing a trust boundary (messages, imports). It is
 * deliberately strict: unknown keys, prototype keys and wrong types are errors that name the
 * field, so a bad input is refused whole with a message a person can act on.
 */
export type Check<T> = (value: unknown, path: string) => Result<T>;
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (path: string, message: string): Result<never> => ({ ok: false, error: `${path || 'value'}: ${message}` });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function str(opts: { min?: number; max: number; pattern?: RegExp; trim?: boolean }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, 'must be text');
    const text = opts.trim === false ? value : value.trim();
    if (text.length < (opts.min ?? 0)) return fail(path, opts.min === 1 ? 'is required' : `needs at least ${opts.min} characters`);
    if (text.length > opts.max) return fail(path, `is longer than ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(text)) return fail(path, 'has an invalid format');
    return ok(text);
  };
}

export function num(opts: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'must be a number');
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'must be a whole number');
    if (value < opts.min || value > opts.max) return fail(path, `must be between ${opts.min} and ${opts.max}`);
    return ok(value);
  };
}

export const bool: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? ok(value) : fail(path, 'must be true or false');

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(path, `must be one of ${values.join(', ')}`);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? ok(null) : check(value, path));
}

export function arrayOf<T>(check: Check<T>, opts: { max: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'must be a list');
    if (value.length > opts.max) return fail(path, `has more than ${opts.max} items`);
    const out: T[] = [];
    for (const [index, item] of value.entries()) {
      const result = check(item, `${path}[${index}]`);
      if (!result.ok) return result;
      out.push(result.value);
    }
    return ok(out);
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
    if (!isPlainObject(value)) return fail(path, 'must be an object');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) return fail(join(path, key), 'is not allowed');
      if (!Object.hasOwn(shape, key)) return fail(join(path, key), 'is not a known field');
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      if (!Object.hasOwn(record, key)) {
        if (optional.includes(key)) continue;
        return fail(join(path, key), 'is required');
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
