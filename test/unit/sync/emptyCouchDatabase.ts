/**
 * The answers of an empty CouchDB database to the calls a sync run makes (the database, `_changes`,
 * `_all_docs`, `_bulk_docs`), for tests that need a run to complete without a server: the routing
 * of sync commands and the runner's own state. Replication itself is tested against pouchdb-server.
 */
export async function emptyCouchDatabase(url: string, init: RequestInit): Promise<Response> {
  const path = new URL(url).pathname.split('/').slice(2).join('/');
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  if (path === '') return json({ db_name: 'pipeline' });
  if (path === '_changes') return json({ results: [], last_seq: '0' });
  if (path === '_all_docs') return json({ rows: [] });
  const docs = (JSON.parse(String(init.body)) as { docs: { _id: string }[] }).docs;
  return json(docs.map((doc) => ({ id: doc._id, rev: '1-a' })));
}
