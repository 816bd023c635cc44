import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc';
import { editNotes, gmailTouchSyncId, newSyncedProspect, type SyncedTouch } from '../../../src/domain/merge';
import { prospectFromDoc, prospectToDoc, touchFromDoc, touchToDoc } from '../../../src/domain/syncDocs';
import type { ProspectFields } from '../../../src/domain/types';

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const STAMP = formatHlc({ wall: T0, counter: 0, device: 'laptop' });
const FIELDS: ProspectFields = {
  email: 'ana@acme.example', name: 'Ana <Lima>', company: 'Acme & Co', stageId: 'lead', value: 1200, currency: 'EUR', decisionMaker: 'yes',
  expectedCloseDate: '2026-12-01', channel: 'email', cadenceDays: 14, nextMeetingAt: null, snoozedUntil: null, notes: 'see <b>pricing</b>',
};
const prospect = newSyncedProspect('rep@corp.example', FIELDS, T0, STAMP);
const touch: SyncedTouch = {
  id: `${gmailTouchSyncId('rep@corp.example', '18c2f00aa')}:ana@acme.example`, prospectKey: prospect.key, at: T0, channel: 'email', direction: 'inbound',
  source: 'gmail', messageId: '18c2f00aa', threadId: '18c2e0000', note: '', createdAt: T0, deleted: false,
};

/** A document as a server returns it: ours plus CouchDB's revision. */
function fromServer(doc: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...doc, _rev: '3-9f1c0b' })) as Record<string, unknown>;
}

describe('sync documents read back from a server', () => {
  it('read back exactly what was written, markup kept as text', () => {
    expect(prospectFromDoc(fromServer(prospectToDoc(prospect)))).toEqual({ ok: true, value: prospect });
    expect(touchFromDoc(fromServer(touchToDoc(touch)))).toEqual({ ok: true, value: touch });
  });

  it('refuse an answer that is not a document', () => {
    for (const garbage of ['<html>502 Bad Gateway</html>', null, 42, [prospectToDoc(prospect)]]) {
      expect(prospectFromDoc(garbage)).toMatchObject({ ok: false, problem: { key: 'mustBeObject' } });
      expect(touchFromDoc(garbage)).toMatchObject({ ok: false, problem: { key: 'mustBeObject' } });
    }
  });

  it('refuse a prospect whose _id is not its mailbox and an address', () => {
    for (const _id of ['prospect:other@corp.example:ana@acme.example', 'prospect:rep@corp.example:not-an-address', '_design/x', 'touch:1']) {
      expect(prospectFromDoc({ ...prospectToDoc(prospect), _id })).toMatchObject({ ok: false, problem: { path: '_id' } });
    }
  });

  it('refuse a document whose _id names another prospect or another prospect’s message', () => {
    // Bo's prospect under Ana's key: an address is never edited, so the key must be its own.
    const bo = newSyncedProspect('rep@corp.example', { ...FIELDS, email: 'bo@acme.example' }, T0, STAMP);
    expect(prospectFromDoc({ ...prospectToDoc(bo), _id: prospect.key })).toMatchObject({ ok: false, problem: { key: 'badFormat', path: '_id' } });
    // The same address in other letter case is the same key.
    const upper = newSyncedProspect('rep@corp.example', { ...FIELDS, email: 'Ana@Acme.example' }, T0, STAMP);
    expect(prospectFromDoc(prospectToDoc(upper))).toMatchObject({ ok: true });
    // A Gmail touch is named by its prospect's mailbox, its message and its prospect's address.
    for (const _id of [
      `${gmailTouchSyncId('rep@corp.example', '18c2f00aa')}:bo@acme.example`,
      `${gmailTouchSyncId('rep@corp.example', 'ffff00001')}:ana@acme.example`,
      `${gmailTouchSyncId('rep@corp.example', '18c2f00aa')}`,
    ]) {
      expect(touchFromDoc({ ...touchToDoc(touch), _id })).toMatchObject({ ok: false, problem: { key: 'badFormat', path: '_id' } });
    }
    // A touch logged by hand has an id of its own, never one in the Gmail form.
    const { messageId: _m, threadId: _t, ...manual } = touchToDoc(touch);
    expect(touchFromDoc({ ...manual, source: 'manual', _id: 'touch:5f0c8e4a-3b1d-4c2a-9e7f-0a1b2c3d4e5f' })).toMatchObject({ ok: true });
    expect(touchFromDoc({ ...manual, source: 'manual' })).toMatchObject({ ok: false, problem: { path: '_id' } });
  });

  it('refuse a note of 4 MB, naming the field', () => {
    const huge = { ...prospect, notes: editNotes(prospect.notes, 'x'.repeat(4 * 1024 * 1024), STAMP) };
    expect(prospectFromDoc(prospectToDoc(huge))).toMatchObject({ ok: false, problem: { key: 'tooLong', path: 'notes.versions[0].text', values: ['5000'] } });
  });

  it('refuse a damaged stamp, an unknown field and a prototype key', () => {
    const doc = prospectToDoc(prospect) as { fields: Record<string, unknown> };
    const badStamp = { ...doc, fields: { ...doc.fields, name: { value: 'Ana', stamp: '<script>' } } };
    expect(prospectFromDoc(badStamp)).toMatchObject({ ok: false, problem: { key: 'badFormat', path: 'fields.name.stamp' } });
    expect(prospectFromDoc({ ...doc, touchCount: 3 })).toMatchObject({ ok: false, problem: { key: 'unknownField', path: 'touchCount' } });
    expect(prospectFromDoc(JSON.parse(`{"__proto__": {"polluted": true}, "_id": "prospect:rep@corp.example:ana@acme.example"}`))).toMatchObject({
      ok: false,
      problem: { key: 'notAllowed' },
    });
  });

  it('refuse a field value the rep could not have typed', () => {
    const doc = prospectToDoc(prospect) as { fields: Record<string, unknown> };
    const badValue = { ...doc, fields: { ...doc.fields, value: { value: -5, stamp: STAMP } } };
    expect(prospectFromDoc(badValue)).toMatchObject({ ok: false, problem: { key: 'outOfRange', path: 'fields.value.value' } });
  });

  it('refuse a touch with a wrong _id shape or a deleted flag that is not true or false', () => {
    expect(touchFromDoc({ ...touchToDoc(touch), _id: 'touch: spaced id' })).toMatchObject({ ok: false, problem: { path: '_id' } });
    expect(touchFromDoc({ ...touchToDoc(touch), deleted: 'yes' })).toMatchObject({ ok: false, problem: { key: 'mustBeYesNo', path: 'deleted' } });
  });
});
