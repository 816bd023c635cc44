import { describe, expect, it } from 'vitest';
import { readSyncTarget } from '../../../src/domain/syncTarget';

const GOOD = { serverUrl: 'https://couch.corp.example', database: 'pipeline-ana', user: 'ana', password: ' secret with spaces ' };

describe('the sync server a rep connects', () => {
  it('takes an HTTPS server and names exactly its origin for the permission', () => {
    expect(readSyncTarget(GOOD)).toEqual({
      ok: true,
      value: { databaseUrl: 'https://couch.corp.example/pipeline-ana', user: 'ana', password: ' secret with spaces ', permissionPattern: 'https://couch.corp.example/*' },
    });
  });

  it('keeps a path prefix and encodes a database name with a slash', () => {
    const read = readSyncTarget({ ...GOOD, serverUrl: 'https://corp.example:6984/couch/', database: 'team/ana' });
    expect(read).toMatchObject({ ok: true, value: { databaseUrl: 'https://corp.example:6984/couch/team%2Fana', permissionPattern: 'https://corp.example/*' } });
  });

  it('allows plain HTTP on this computer only', () => {
    for (const serverUrl of ['http://localhost:5984', 'http://127.0.0.1:5984'])
      expect(readSyncTarget({ ...GOOD, serverUrl })).toMatchObject({ ok: true, value: { databaseUrl: `${serverUrl}/pipeline-ana` } });
    for (const serverUrl of ['http://couch.corp.example', 'http://192.168.1.20:5984', 'ftp://couch.corp.example'])
      expect(readSyncTarget({ ...GOOD, serverUrl })).toMatchObject({ ok: false, problem: { key: 'syncNeedsHttps', path: 'serverUrl' } });
  });

  it('refuses credentials inside the URL, a query, and what is not a URL', () => {
    expect(readSyncTarget({ ...GOOD, serverUrl: 'https://ana:secret@couch.corp.example' })).toMatchObject({ ok: false, problem: { key: 'notAllowed', path: 'serverUrl' } });
    expect(readSyncTarget({ ...GOOD, serverUrl: 'https://couch.corp.example/?x=1' })).toMatchObject({ ok: false, problem: { key: 'badFormat', path: 'serverUrl' } });
    expect(readSyncTarget({ ...GOOD, serverUrl: 'couch.corp.example' })).toMatchObject({ ok: false, problem: { key: 'badFormat', path: 'serverUrl' } });
  });

  it('refuses a database name CouchDB would refuse, and an empty user or password', () => {
    for (const database of ['Pipeline', '_users', '1st', 'a b'])
      expect(readSyncTarget({ ...GOOD, database })).toMatchObject({ ok: false, problem: { key: 'badFormat', path: 'database' } });
    expect(readSyncTarget({ ...GOOD, user: '  ' })).toMatchObject({ ok: false, problem: { key: 'required', path: 'user' } });
    expect(readSyncTarget({ ...GOOD, password: '' })).toMatchObject({ ok: false, problem: { key: 'required', path: 'password' } });
  });
});
