import { describe, expect, it } from 'vitest';
import { parseProspectsCsv, prospectsToCsv } from '../../../src/domain/csv';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { importCsv } from '../../../src/store/imports';
import { dump, seedPipeline } from './backupFixture';
import { freshDB, NOW } from './helpers';

const stages = new Map(DEFAULT_SETTINGS.stages.flatMap((s) => [[s.id, s.id], [s.name.toLowerCase(), s.id]] as const));
const label = (id: string) => DEFAULT_SETTINGS.stages.find((s) => s.id === id)?.name ?? id;

function file(text: string) {
  const result = parseProspectsCsv(text, stages);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const rows = (text: string) => file(text).rows;

describe('CSV export', () => {
  it('writes the columns CRM imports expect, quoting what needs it and defusing formulas', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const text = prospectsToCsv(await db.getAll('prospects'), label);
    const [header, ...lines] = text.split('\r\n');
    expect(header).toBe('First Name,Last Name,Email,Company,Stage,Amount,Currency,Close Date,Preferred Channel,Touches,Last Touch,Next Follow-up,Notes,Mailbox');
    expect(lines.find((l) => l.includes('bo@beta.test'))).toContain('Bo,Li 李博,bo@beta.test,Beta,Proposal / trial,,,2027-02-28,email,1,');
    expect(lines.join('\n')).toContain('"Prefers calls; budget ""approved"""');
    const risky = prospectsToCsv([{ ...(await db.getAll('prospects'))[0]!, company: '=HYPERLINK("http://x")', notes: "'quoted" }], label);
    expect(risky).toContain(`"'=HYPERLINK(""http://x"")"`);
    // A cell that starts with ' gets one more, so that reading strips exactly the one added.
    expect(risky).toContain(`,''quoted,`);
  });

  it('reads back what it wrote', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const back = rows(prospectsToCsv(await db.getAll('prospects'), label));
    expect(back.map((r) => [r.email, r.name, r.stageId])).toContainEqual(['bo@beta.test', 'Bo Li 李博', 'proposal']);
  });
});

describe('CSV import', () => {
  it('matches columns by header name in any order and common CRM spellings', () => {
    const parsed = rows('Organization,E-mail Address,Given Name,Surname,Deal Stage,Deal Value,Expected Close Date\r\nAcme,ANA@Acme.test,Ana,Ruiz,Qualified,"12,500",2027-01-31\r\n');
    expect(parsed).toEqual([{ email: 'ana@acme.test', name: 'Ana Ruiz', company: 'Acme', stageId: 'qualified', value: 12_500, expectedCloseDate: '2027-01-31' }]);
  });

  it('creates new prospects and updates tracked ones, all in one transaction', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const summary = await importCsv(db, file('Email,Company,Stage\nbo@beta.test,Beta Group,Negotiation\nnew@lead.test,Lead Co,\ncy@gamma.test,Gamma,\n'), {}, NOW, true);
    expect(summary.prospects).toEqual({ new: 1, updated: 1, unchanged: 1, keptNewer: 0 });
    const all = await db.getAll('prospects');
    expect(all.find((p) => p.email === 'bo@beta.test')).toMatchObject({ company: 'Beta Group', stageId: 'negotiation', stageEnteredAt: NOW });
    expect(all.find((p) => p.email === 'new@lead.test')).toMatchObject({ company: 'Lead Co', stageId: 'new', mailbox: '', dueAt: expect.any(Number) });
  });

  const bad: [string, string, RegExp][] = [
    ['no email column', 'Name,Company,Phone,Owner,Lead Source,Title,City,Country,Mobile,Contact E-mail\nAna,Acme,1,2,3,4,5,6,7,8\n',
      /no Email column \(found: "Name", "Company", "Phone", "Owner", "Lead Source", "Title", "City", "Country", "Mobile", "Contact E-mail"\)/],
    ['an invalid email', 'Email,Name\nana@acme.test,Ana\nnot-an-email,Bo\n', /^row 3: Email: "not-an-email" is not a valid email address/],
    ['a duplicate email', 'Email\nana@acme.test\nANA@acme.test\n', /^row 3: ana@acme\.test is already on row 2/],
    ['an impossible date', 'Email,Close Date\nana@acme.test,2026-02-30\n', /^row 2: Close Date: 2026-02-30 is not a real date/],
    ['a date in another format', 'Email,Close Date\nana@acme.test,31.01.2027\n', /^row 2: Close Date: must be a date like/],
    ['a bad amount', 'Email,Amount\nana@acme.test,lots\n', /^row 2: Amount: must be a number/],
    ['a company too long', `Email,Company\nana@acme.test,${'c'.repeat(201)}\n`, /^row 2: Company: is longer than 200 characters/],
    ['a mailbox that is not an address', 'Email,Mailbox\nana@acme.test,rep\n', /^row 2: Mailbox: "rep" is not a valid email address/],
    ['an unclosed quote', 'Email,Company\nana@acme.test,"Acme\n', /^row \d+: .*[Qq]uote/],
    ['a row with extra cells', 'Email,Company\nana@acme.test,Acme,extra\n', /^row 2: has 3 cells but the header has 2/],
    ['an empty file', '', /the file is empty/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name}, naming the row and field`, async () => {
      const result = parseProspectsCsv(text, stages);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('writes nothing when a row fails in the store', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const before = await dump(db);
    const preview = await importCsv(db, file('Email,Company\nfresh@x.test,Fresh\nbo@beta.test,Beta 2\n'), {}, NOW, false);
    expect(preview.prospects).toMatchObject({ new: 1, updated: 1 });
    expect(await dump(db)).toEqual(before);
  });
});
