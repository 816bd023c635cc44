// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { View } from '../../../../src/content/webmail/types';
import { viewFromHash } from '../../../../src/content/webmail/gmail/view';

const list = (name: string): View => ({ kind: 'list', name });
const thread = (threadId: string): View => ({ kind: 'thread', threadId });

describe('Gmail view from the URL hash', () => {
  it.each<[string, View]>([
    ['', list('inbox')],
    ['#', list('inbox')],
    ['#inbox', list('inbox')],
    ['#sent', list('sent')],
    ['#starred', list('starred')],
    ['#label/Clients', list('label/Clients')],
    ['#label/Clients%2FEMEA', list('label/Clients%2FEMEA')],
    ['#search/pricing', list('search/pricing')],
    ['#category/promotions', list('category/promotions')],
    ['#inbox/p2', list('inbox')],
    ['#label/Clients/p3', list('label/Clients')],
    ['#inbox?compose=new', list('inbox')],
    ['#inbox/', list('inbox')],
  ])('%s is a list', (hash, view) => {
    expect(viewFromHash({ hash })).toEqual(view);
  });

  it.each<[string, View]>([
    ['#inbox/18bc1a2b3c4d5e6f', thread('18bc1a2b3c4d5e6f')],
    ['#inbox/FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz', thread('FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz')],
    ['#sent/1a1c4af86800be69', thread('1a1c4af86800be69')],
    ['#label/Clients/FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz', thread('FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz')],
    ['#search/pricing/1a1c4af86800be69', thread('1a1c4af86800be69')],
    ['#inbox/p2/1a1c4af86800be69', thread('1a1c4af86800be69')],
    ['#inbox/FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz?compose=new', thread('FMfcgzQXJGbnqVwKzLmNtPqRsTvWxYz')],
  ])('%s is a thread', (hash, view) => {
    expect(viewFromHash({ hash })).toEqual(view);
  });

  it('does not take a long search term or label name for a thread id', () => {
    expect(viewFromHash({ hash: '#search/pricingstrategy2026xyz' })).toEqual(list('search/pricingstrategy2026xyz'));
    expect(viewFromHash({ hash: '#label/EnterpriseCustomers2026' })).toEqual(list('label/EnterpriseCustomers2026'));
  });

  it('needs 16+ letters and digits for a thread id', () => {
    expect(viewFromHash({ hash: '#inbox/18bc1a2b3c4d5e6' })).toEqual(list('inbox'));
    expect(viewFromHash({ hash: '#inbox/18bc1a2b-3c4d5e6f' })).toEqual(list('inbox'));
  });

  it('calls settings and other non-list pages "other"', () => {
    expect(viewFromHash({ hash: '#settings/general' })).toEqual({ kind: 'other' });
    expect(viewFromHash({ hash: '#chat/home' })).toEqual({ kind: 'other' });
    expect(viewFromHash({ hash: '#label' })).toEqual({ kind: 'other' });
    expect(viewFromHash({ hash: '#label//18bc1a2b3c4d5e6f' })).toEqual({ kind: 'other' });
  });
});
