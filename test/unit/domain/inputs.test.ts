import { describe, expect, it } from 'vitest';
import { email, isoDate, prospectFieldChecks, touchNote } from '../../../src/domain/inputs';
import { recordOf } from '../../../src/domain/validate';
import { object, str } from '../../../src/domain/validate';

describe('input checks', () => {
  it('normalizes addresses and refuses malformed ones with the value in the message', () => {
    expect(email('  Ana.Silva@Example.COM ', 'email')).toEqual({ ok: true, value: 'ana.silva@example.com' });
    for (const bad of ['ana', 'ana@', '@x.com', 'a b@x.com', 'ana@x', '<script>@x.com', 'a@x..com']) {
      const result = email(bad, 'email');
      expect(result.ok, bad).toBe(false);
    }
    expect(email('nope', 'email')).toMatchObject({ ok: false, error: 'email: "nope" is not a valid email address', problem: { key: 'badEmail', values: ['nope'], path: 'email' } });
  });

  it('accepts only real calendar dates', () => {
    expect(isoDate('2028-02-29', 'close').ok).toBe(true);
    expect(isoDate('2026-02-29', 'close')).toMatchObject({ ok: false, error: 'close: 2026-02-29 is not a real date' });
    expect(isoDate('31/12/2026', 'close').ok).toBe(false);
  });

  it('refuses unknown and prototype-polluting keys', () => {
    const check = object({ name: str({ max: 10 }) });
    expect(check({ name: 'x', extra: 1 }, 'p')).toMatchObject({ ok: false, error: 'p.extra: is not a known field' });
    expect(check(JSON.parse('{"name":"x","__proto__":{"admin":true}}'), 'p')).toMatchObject({ ok: false, error: 'p.__proto__: is not allowed' });
    expect(check({}, 'p')).toMatchObject({ ok: false, error: 'p.name: is required' });
    expect(check([], 'p').ok).toBe(false);
  });

  it('bounds numbers and text', () => {
    expect(prospectFieldChecks.value(-5, 'value').ok).toBe(false);
    expect(prospectFieldChecks.value(Number.NaN, 'value').ok).toBe(false);
    expect(prospectFieldChecks.cadenceDays(2.5, 'cadenceDays').ok).toBe(false);
    expect(prospectFieldChecks.name('x'.repeat(201), 'name').ok).toBe(false);
    expect(prospectFieldChecks.currency('usd', 'currency').ok).toBe(false);
    expect(prospectFieldChecks.currency('USD', 'currency').ok).toBe(true);
  });

  it('takes a currency as its three capital letters, or none, and names the problem otherwise', () => {
    expect(prospectFieldChecks.currency('', 'currency')).toEqual({ ok: true, value: '' });
    expect(prospectFieldChecks.currency('THB', 'currency')).toEqual({ ok: true, value: 'THB' });
    for (const typed of ['EURO', 'E1R', 'eu', '€']) {
      const result = prospectFieldChecks.currency(typed, 'currency');
      expect(result.ok ? null : result.problem, typed).toEqual({ key: 'badCurrency', values: [typed], path: 'currency' });
    }
  });

  it('takes text as text: what looks like markup is kept, notes keep their blanks, labels lose only the outer ones', () => {
    expect(prospectFieldChecks.name(' Ann <ann@x.test> ', 'name')).toEqual({ ok: true, value: 'Ann <ann@x.test>' });
    expect(prospectFieldChecks.company('R&D <Labs>', 'company')).toEqual({ ok: true, value: 'R&D <Labs>' });
    expect(prospectFieldChecks.notes('  see <https://acme.test/pricing>\n', 'notes')).toEqual({ ok: true, value: '  see <https://acme.test/pricing>\n' });
    expect(touchNote(' left a voicemail ', 'note')).toEqual({ ok: true, value: ' left a voicemail ' });
    expect(touchNote('x'.repeat(2001), 'note').ok).toBe(false);
  });

  it('checks a map key by key, refusing prototype keys', () => {
    const check = recordOf(str({ min: 1, max: 5 }), str({ min: 1, max: 3 }), { max: 2 });
    expect(check({ a: 'x', b: 'y' }, 'm')).toEqual({ ok: true, value: { a: 'x', b: 'y' } });
    expect(check({ a: 'x', b: 'y', c: 'z' }, 'm')).toMatchObject({ ok: false, error: 'm: has more than 2 items' });
    expect(check(JSON.parse('{"__proto__":"x"}'), 'm')).toMatchObject({ ok: false, error: 'm.__proto__: is not allowed' });
    expect(check({ a: 'long!' }, 'm')).toMatchObject({ ok: false, error: 'm.a: is longer than 3 characters' });
    expect(check({ toolongkey: 'x' }, 'm').ok).toBe(false);
    expect(check([], 'm').ok).toBe(false);
  });
});
