import { describe, expect, it } from 'vitest';
import { parseProspectsCsv, type CsvFile } from '../../../src/domain/csv';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { importCsv } from '../../../src/store/imports';
import { readSettings } from '../../../src/store/settings';
import { freshDB, NOW } from './helpers';

const stages = new Map(DEFAULT_SETTINGS.stages.flatMap((s) => [[s.id, s.id], [s.name.toLowerCase(), s.id]] as const));

function file(text: string): CsvFile {
  const result = parseProspectsCsv(text, stages);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const refusal = (text: string) => {
  const result = parseProspectsCsv(text, stages);
  return result.ok ? 'accepted' : result.error;
};
const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

describe('CSV amounts: one decimal separator per file, never a guess', () => {
  // The rule, written out: "1.234,56" groups with "." and ends with ","-decimals; "800,50" has two
  // digits after "," so "," is the decimal mark; a file that shows "," as decimal reads "1.234" as 1234.
  it('reads a ;-separated European file with 1.234,56 and 800,50', () => {
    const parsed = file(lines('Email;Amount', 'a@x.test;1.234,56', 'b@x.test;800,50', 'c@x.test;1.234', 'd@x.test;12 500', 'e@x.test;'));
    expect(parsed.rows.map((r) => r.value)).toEqual([1234.56, 800.5, 1234, 12500, null]);
  });

  it('reads a comma-separated file with "." decimals and "," thousands', () => {
    const parsed = file(lines('Email,Amount', 'a@x.test,"1,234.56"', 'b@x.test,800.50', 'c@x.test,"12,500"', 'd@x.test,1.234'));
    expect(parsed.rows.map((r) => r.value)).toEqual([1234.56, 800.5, 12500, 1.234]);
  });

  it('reads "," decimals in a comma-separated file when the values show it', () => {
    expect(file(lines('Email,Amount', 'a@x.test,"800,50"', 'b@x.test,"1,234"')).rows.map((r) => r.value)).toEqual([800.5, 1.234]);
  });

  it('refuses an amount that reads two ways, naming its row', () => {
    expect(refusal(lines('Email;Amount', 'a@x.test;800', 'b@x.test;1.234'))).toBe('row 3: Amount: "1.234" can be read two ways: nothing else in the file shows whether "." or "," marks the decimals');
    expect(refusal(lines('Email;Amount', 'a@x.test;12,500'))).toMatch(/^row 2: Amount: "12,500" can be read two ways/);
  });

  it('refuses a file whose amounts use both marks for decimals, naming the row', () => {
    expect(refusal(lines('Email;Amount', 'a@x.test;800,50', 'b@x.test;99.5'))).toBe('row 3: Amount: "99.5" uses "." for decimals, but row 2 uses the other mark');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['12,34,5', '1.2.3', '€800', '800,', '1.234,5.6']) {
      expect(refusal(lines('Email;Amount', `a@x.test;${bad}`)), bad).toBe('row 2: Amount: must be a number');
    }
  });
});

describe('CSV exports of other tools, in their own layout', () => {
  it('HubSpot contacts (lead status and lifecycle stage)', () => {
    const parsed = file(lines(
      'Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Lead Status,Lifecycle Stage,Create Date,Last Activity Date,Company Name,Associated Company,Marketing contact status',
      '101,Ana,Ruiz,ana@acme.test,+1 555 0100,Sam Rep,Attempted to contact,Lead,2026-10-01 09:12,2026-11-02 10:00,Acme,Acme,Marketing contact',
      '102,Bo,Li,bo@beta.test,,Sam Rep,,Opportunity,2026-10-03 11:00,,Beta,Beta,Non-marketing contact',
    ));
    expect(parsed.rows).toEqual([
      { email: 'ana@acme.test', name: 'Ana Ruiz', company: 'Acme', unknownStage: 'Attempted to contact' },
      { email: 'bo@beta.test', name: 'Bo Li', company: 'Beta', unknownStage: 'Opportunity' },
    ]);
    expect(parsed.unknownStages).toEqual(['Attempted to contact', 'Opportunity']);
  });

  it('HubSpot deals (close date with a time)', () => {
    const parsed = file(lines(
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Pipeline,Deal owner,Create Date,Email,Associated Company',
      '9001,Acme renewal,Qualified,12500,2027-01-31 17:00,Sales Pipeline,Sam Rep,2026-10-01 09:12,ana@acme.test,Acme',
    ));
    expect(parsed.rows).toEqual([{ email: 'ana@acme.test', stageId: 'qualified', value: 12_500, expectedCloseDate: '2027-01-31' }]);
  });

  it('Salesforce leads report (status "Open - Not Contacted")', () => {
    const parsed = file(lines(
      '"Lead Owner","First Name","Last Name","Title","Company / Account","Email","Phone","Lead Source","Lead Status","Rating","Create Date"',
      '"Sam Rep","Ana","Ruiz","CFO","Acme","ana@acme.test","+1 555 0100","Web","Open - Not Contacted","Hot","11/2/2026"',
      '"Sam Rep","Bo","Li","CTO","Beta","bo@beta.test","","Trade Show","Working - Contacted","",""',
    ));
    expect(parsed.rows.map((r) => [r.email, r.name, r.company, r.unknownStage])).toEqual([
      ['ana@acme.test', 'Ana Ruiz', 'Acme', 'Open - Not Contacted'],
      ['bo@beta.test', 'Bo Li', 'Beta', 'Working - Contacted'],
    ]);
  });

  it('Salesforce data export (Lead.csv, API field names)', () => {
    const parsed = file(lines('"Id","LastName","FirstName","Salutation","Name","Title","Company","Email","Phone","Status","LeadSource","Description"', '"00Q5g00000AbCdE","Ruiz","Ana","Ms.","Ana Ruiz","CFO","Acme","ana@acme.test","","Open - Not Contacted","Web","Met at the fair; <budget> approved"'));
    expect(parsed.rows).toEqual([{ email: 'ana@acme.test', name: 'Ana Ruiz', company: 'Acme', unknownStage: 'Open - Not Contacted', notes: 'Met at the fair; <budget> approved' }]);
  });

  it('Pipedrive people (Person - Email - Work, else Home)', () => {
    const parsed = file(lines(
      'Person - ID,Person - Name,Person - First name,Person - Last name,Person - Label,Person - Organization,Person - Email - Work,Person - Email - Home,Person - Email - Other,Person - Phone - Work,Person - Owner,Person - Open deals,Person - Add time',
      '1,Ana Ruiz,Ana,Ruiz,Hot lead,Acme,ana@acme.test,ana@home.test,,+1 555 0100,Sam Rep,1,2026-10-01 09:12:00',
      '2,Bo Li,Bo,Li,,Beta,,bo@home.test,,,Sam Rep,0,2026-10-03 11:00:00',
    ));
    expect(parsed.rows).toEqual([
      { email: 'ana@acme.test', name: 'Ana Ruiz', company: 'Acme' },
      { email: 'bo@home.test', name: 'Bo Li', company: 'Beta' },
    ]);
  });

  it('Pipedrive deals (Person - Email, Deal - Value and Deal - Stage)', () => {
    const parsed = file(lines(
      'Deal - ID,Deal - Title,Deal - Creator,Deal - Owner,Deal - Value,Deal - Currency,Deal - Probability,Deal - Organization,Deal - Pipeline,Deal - Contact person,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Expected close date,Person - Email,Person - Phone,Organization - Name',
      '7,Acme deal,Sam Rep,Sam Rep,12500,EUR,,Acme,Pipeline,Ana Ruiz,Contact Made,open,2026-10-01 09:12:00,2027-01-31,ana@acme.test,,Acme',
      '8,Beta deal,Sam Rep,Sam Rep,800.5,USD,,Beta,Pipeline,Bo Li,Qualified,open,2026-10-03 11:00:00,,bo@beta.test,,Beta',
    ));
    expect(parsed.rows).toEqual([
      { email: 'ana@acme.test', name: 'Ana Ruiz', company: 'Acme', value: 12_500, currency: 'EUR', expectedCloseDate: '2027-01-31', unknownStage: 'Contact Made' },
      { email: 'bo@beta.test', name: 'Bo Li', company: 'Beta', value: 800.5, currency: 'USD', expectedCloseDate: null, stageId: 'qualified' },
    ]);
  });

  it('Pipedrive deals with one person on several deals: one prospect, carrying their largest open deal', () => {
    const header = 'Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Contact person,Deal - Stage,Deal - Status,Deal - Expected close date,Person - Email';
    const parsed = file(lines(
      header,
      '7,Acme pilot,4000,EUR,Ana Ruiz,Qualified,open,2027-01-31,ana@acme.test',
      '8,Beta deal,800,USD,Bo Li,Qualified,open,,bo@beta.test',
      '9,Acme rollout,90000,EUR,Ana Ruiz,Negotiation,won,2026-09-30,ana@acme.test',
      '10,Acme renewal,12500,EUR,Ana Ruiz,Proposal Made,open,2027-03-31,ana@acme.test',
      '11,Acme add-on,600,EUR,Ana Ruiz,Contact Made,open,,ana@acme.test',
    ));
    // Rows keep the order in which each person first appears; the won deal is larger but no longer open.
    expect(parsed.rows).toEqual([
      { email: 'ana@acme.test', name: 'Ana Ruiz', value: 12_500, currency: 'EUR', expectedCloseDate: '2027-03-31', unknownStage: 'Proposal Made' },
      { email: 'bo@beta.test', name: 'Bo Li', value: 800, currency: 'USD', expectedCloseDate: null, stageId: 'qualified' },
    ]);
    // Stages of deals that were not kept are not offered for mapping.
    expect(parsed.unknownStages).toEqual(['Proposal Made']);
  });

  it('a person whose deals are all closed keeps the largest of them', () => {
    const parsed = file(lines(
      'Deal - Value,Deal - Status,Person - Email',
      '300,lost,cy@gamma.test',
      '5000,won,cy@gamma.test',
    ));
    expect(parsed.rows).toEqual([{ email: 'cy@gamma.test', value: 5000 }]);
  });

  it('any other file naming one address twice is still refused with both rows', () => {
    expect(refusal(lines('Email,Amount', 'ana@acme.test,10', 'ana@acme.test,20'))).toBe('row 3: ana@acme.test is already on row 2');
  });
});

describe('CSV stage values that are none of the rep stages', () => {
  const salesforce = lines('Email,Lead Status', 'ana@acme.test,Open - Not Contacted', 'bo@beta.test,Working - Contacted', 'cy@gamma.test,open - not contacted');

  it('go to New lead unless the rep picks another stage, and the picks are remembered', async () => {
    const db = await freshDB();
    const preview = await importCsv(db, file(salesforce), {}, NOW, false);
    expect(preview.stages).toEqual([{ value: 'Open - Not Contacted', stageId: 'new' }, { value: 'Working - Contacted', stageId: 'new' }]);
    expect((await readSettings(db)).csvStageNames).toBeUndefined();
    const applied = await importCsv(db, file(salesforce), { 'Working - Contacted': 'contacted' }, NOW, true);
    expect(applied.stages).toEqual([{ value: 'Open - Not Contacted', stageId: 'new' }, { value: 'Working - Contacted', stageId: 'contacted' }]);
    const byEmail = new Map((await db.getAll('prospects')).map((p) => [p.email, p.stageId]));
    expect(Object.fromEntries(byEmail)).toEqual({ 'ana@acme.test': 'new', 'bo@beta.test': 'contacted', 'cy@gamma.test': 'new' });
    // The next file with the same values is mapped the same way without asking again.
    const next = await importCsv(db, file(lines('Email,Status', 'dee@delta.test,WORKING - CONTACTED')), {}, NOW, false);
    expect(next.stages).toEqual([{ value: 'WORKING - CONTACTED', stageId: 'contacted' }]);
  });

  it('refuses a pick of a stage that does not exist, and writes nothing', async () => {
    const db = await freshDB();
    await expect(importCsv(db, file(salesforce), { 'Working - Contacted': 'vip' }, NOW, true)).rejects.toThrow(/stage "vip" does not exist/);
    expect(await db.count('prospects')).toBe(0);
    expect((await readSettings(db)).csvStageNames).toBeUndefined();
  });
});

describe('CSV close dates written month/day/year or day/month/year, decided once per file', () => {
  const salesforce = (...dates: string[]) => lines(
    'First Name,Last Name,Email,Account Name,Opportunity Stage,Amount,Close Date',
    ...dates.map((date, index) => `Ana${index},Ruiz,ana${index}@acme.test,Acme,Qualified,1200,${date}`),
  );
  const closeDates = (text: string) => file(text).rows.map((row) => row.expectedCloseDate);

  it('reads a Salesforce (US) file by its date that can only be month first', () => {
    expect(closeDates(salesforce('3/4/2026', '3/31/2026', '12/1/2026', '', '2026-05-06'))).toEqual(['2026-03-04', '2026-03-31', '2026-12-01', null, '2026-05-06']);
  });

  it('reads a day-first file by its date that can only be day first', () => {
    expect(closeDates(salesforce('3/4/2026', '31/3/2026'))).toEqual(['2026-04-03', '2026-03-31']);
  });

  it('reads a day that is the same either way without needing the file to say', () => {
    expect(closeDates(salesforce('4/4/2026', '11/11/2026'))).toEqual(['2026-04-04', '2026-11-11']);
  });

  it('refuses a file whose dates all read both ways, naming the first such row', () => {
    expect(refusal(salesforce('4/4/2026', '3/4/2026', '5/6/2026'))).toBe(
      'row 3: Close Date: "3/4/2026" can be read as month/day or day/month: no date in the file shows which comes first',
    );
  });

  it('refuses a file whose dates contradict each other, naming both rows', () => {
    expect(refusal(salesforce('3/31/2026', '1/2/2026', '31/3/2026'))).toBe(
      'row 4: Close Date: "31/3/2026" puts the month and day in the other order than row 2',
    );
  });

  it('refuses a day that does not exist', () => {
    expect(refusal(salesforce('2/30/2026', '3/31/2026'))).toMatch(/^row 2: Close Date: /);
  });
});
