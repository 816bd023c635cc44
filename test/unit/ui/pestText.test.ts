import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/ui/plural';
import { pestWarningText } from '../../../src/ui/pestText';
import { pestWarning } from '../../../src/domain/pestGuard';
import { local, settings } from '../domain/fixtures';
import { getMessageFrom } from '../chromeI18n';

const HOUR = 3_600_000;
// The last touch; the working days since it are given to the wording as the pest guard counted them.
const LAST = Date.UTC(2026, 10, 21, 17);

function translator(file: string): Translate {
  const getMessage = getMessageFrom(file);
  return (key, substitutions) => getMessage(key, substitutions === undefined ? undefined : ([] as string[]).concat(substitutions));
}

const text = (locale: string, hoursLater: number, workingDaysSince = 0) =>
  pestWarningText({ lastOutboundAt: LAST, workingDaysSince }, LAST + hoursLater * HOUR, translator(locale.replace('-', '_')), locale);

/*
 * Expected sentences written from each language's grammar: Russian час / часа / часов after 1, 2–4
 * and 5–20 (21 takes час again), Greek ώρα / ώρες, Indonesian, Thai and Chinese without plural forms.
 */
describe('the pest guard in words', () => {
  it('counts hours when the last touch is under a day old, never "0 working days"', () => {
    expect(text('en', 17.5)).toBe('Careful: your last touch is unanswered and only 17 hours old.');
    expect(text('en', 1)).toBe('Careful: your last touch is unanswered and only 1 hour old.');
    expect(text('en', 0.25)).toBe('Careful: your last touch is unanswered and less than an hour old.');
  });

  it('counts working days once a day and a working day have passed; hours while no working day has', () => {
    expect(text('en', 24, 1)).toBe('Careful: your last touch is unanswered and only 1 working day old.');
    expect(text('en', 41, 0)).toBe('Careful: your last touch is unanswered and only 41 hours old.');
  });

  it('uses each language’s plural forms for hours', () => {
    expect(text('ru', 1)).toBe('Не торопитесь: на последнее касание ещё нет ответа, а с него прошёл всего 1 час.');
    expect(text('ru', 3)).toBe('Не торопитесь: на последнее касание ещё нет ответа, а с него прошло всего 3 часа.');
    expect(text('ru', 17)).toBe('Не торопитесь: на последнее касание ещё нет ответа, а с него прошло всего 17 часов.');
    expect(text('ru', 21)).toBe('Не торопитесь: на последнее касание ещё нет ответа, а с него прошёл всего 21 час.');
    expect(text('el', 1)).toBe('Προσοχή: η τελευταία σας επαφή δεν έχει απαντηθεί και έγινε μόλις πριν από 1 ώρα.');
    expect(text('el', 17)).toBe('Προσοχή: η τελευταία σας επαφή δεν έχει απαντηθεί και έγινε μόλις πριν από 17 ώρες.');
    expect(text('id', 17)).toBe('Hati-hati: interaksi terakhir Anda belum dibalas, padahal baru 17 jam berlalu.');
    expect(text('th', 17)).toBe('ระวัง: การติดต่อครั้งล่าสุดยังไม่ได้รับการตอบกลับ และเพิ่งผ่านมาเพียง 17 ชั่วโมง');
    expect(text('zh-CN', 17)).toBe('注意：你上次的联系还没有得到回复，距今仅 17 小时。');
    expect(text('zh-TW', 1)).toBe('請留意：您上次的聯絡尚未獲得回覆，距今僅 1 小時。');
    expect(text('ru', 0.5)).toBe('Не торопитесь: на последнее касание ещё нет ответа, а с него не прошло и часа.');
  });

  it('words the guard’s own warning in hours for a touch on Sunday evening, read on Monday morning', () => {
    const sunday = local(2026, 11, 22, 17);
    const monday = local(2026, 11, 23, 10);
    const warning = pestWarning({ lastOutboundAt: sunday, ballWith: 'them' }, settings(), monday);
    expect(warning && pestWarningText(warning, monday, translator('en'), 'en')).toBe('Careful: your last touch is unanswered and only 17 hours old.');
  });
});
