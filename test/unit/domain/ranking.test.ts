import { describe, expect, it } from 'vitest';
import { matchesSearch, rankDueList } from '../../../src/domain/ranking';
import type { Prospect } from '../../../src/domain/types';
import { local } from './fixtures';

const now = local(2026, 11, 23, 11);
function p(name: string, dueAt: number, value: number | null, dueKind: Prospect['dueKind'] = 'followUp'): Prospect {
  return { id: name, name, email: `${name.toLowerCase()}@x.test`, company: '', stageId: 'new', value, dueAt, dueKind } as Prospect;
}

describe('ranking the due list', () => {
  it('puts sections in working order and ranks by days overdue, then value', () => {
    const ranked = rankDueList(
      [
        p('Small', local(2026, 11, 20, 9), 100),
        p('Big', local(2026, 11, 20, 9), 90_000),
        p('Older', local(2026, 11, 16, 9), 10),
        p('Reply', local(2026, 11, 23, 9), 5, 'replyNeeded'),
        p('Later', local(2026, 11, 26, 9), 5),
        p('Far', local(2026, 12, 20, 9), 5),
        p('Today', local(2026, 11, 23, 15), 5),
      ],
      now,
    );
    expect(ranked.map((s) => [s.section, s.prospects.map((x) => x.name)])).toEqual([
      ['replyNeeded', ['Reply']],
      ['overdue', ['Older', 'Big', 'Small']],
      ['today', ['Today']],
      ['upcoming', ['Later']],
    ]);
  });

  it('ignores prospects that are never due', () => {
    expect(rankDueList([{ ...p('Lost', 0, 1), dueAt: undefined, dueKind: undefined } as Prospect], now)).toEqual([]);
  });
});

describe('search', () => {
  const ana = { name: 'Ana Sofía Pérez', company: 'Altamira Foods', email: 'ana@altamira.test', stageId: 'proposal' };
  it('matches name, company and address, ignoring case and accents', () => {
    expect(matchesSearch(ana, 'sofia', '')).toBe(true);
    expect(matchesSearch(ana, 'ALTAMIRA', '')).toBe(true);
    expect(matchesSearch(ana, '@altamira.test', '')).toBe(true);
    expect(matchesSearch(ana, 'zenith', '')).toBe(false);
  });
  it('filters by stage', () => {
    expect(matchesSearch(ana, '', 'proposal')).toBe(true);
    expect(matchesSearch(ana, 'ana', 'won')).toBe(false);
  });
});
