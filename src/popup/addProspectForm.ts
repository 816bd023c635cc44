import { CHANNELS, type Channel } from '../domain/types';
import type { RequestOf } from '../messaging/protocol';

/**
 * The add form's fields as a create request. Labels and numbers lose stray surrounding blanks;
 * the notes go as typed (a first-line indent is the rep's, and restore keeps it the same way).
 */
export function createRequestFromForm(data: FormData): RequestOf<'prospect.create'> {
  const raw = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const text = (name: string) => raw(name).trim();
  const number = (name: string) => (text(name) === '' ? null : Number(text(name)));
  return {
    email: text('email'),
    mailbox: '',
    name: text('name'),
    company: text('company'),
    stageId: text('stage'),
    value: number('value'),
    // ISO codes are capitals: "eur" is what the rep meant by EUR.
    currency: text('currency').toUpperCase(),
    cadenceDays: number('cadence'),
    channel: CHANNELS.find((c) => c === text('channel')) ?? ('email' satisfies Channel),
    notes: raw('notes'),
  };
}
