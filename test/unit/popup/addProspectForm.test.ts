import { describe, expect, it } from 'vitest';
import { createRequestFromForm } from '../../../src/popup/addProspectForm';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('the popup add form', () => {
  it('sends the notes as typed, first-line indent and trailing blanks included', () => {
    const notes = '    indented first line\n  second line  ';
    const request = createRequestFromForm(form({ email: ' ana@acme.test ', name: ' Ana ', company: 'Acme ', stage: 'new', value: ' 800.5 ', currency: ' usd ', cadence: '', channel: 'phone', notes }));
    expect(request).toEqual({ email: 'ana@acme.test', mailbox: '', name: 'Ana', company: 'Acme', stageId: 'new', value: 800.5, currency: 'USD', cadenceDays: null, channel: 'phone', notes });
  });

  it('falls back to email for a channel it does not know', () => {
    expect(createRequestFromForm(form({ email: 'a@x.test', channel: 'pigeon' })).channel).toBe('email');
  });
});
