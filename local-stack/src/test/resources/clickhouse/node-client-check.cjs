// Drives the ClickHouse under test with the official Node.js client (@clickhouse/client) and
// prints one line per step for NodeClientTest to check. Environment: CH_CLIENT_MODULE (the
// installed package directory), CH_URL, CH_USER, CH_PASSWORD.
const { createClient } = require(process.env.CH_CLIENT_MODULE);

const DB = 'node_client_test';

async function main() {
  const options = {
    url: process.env.CH_URL,
    username: process.env.CH_USER,
    password: process.env.CH_PASSWORD,
  };
  const client = createClient(options);
  const out = [];

  const ping = await client.ping();
  out.push(`ping ${ping.success}`);

  await client.command({ query: `DROP DATABASE IF EXISTS ${DB}` });
  await client.command({ query: `CREATE DATABASE ${DB}` });
  const created = await client.command({
    query: `CREATE TABLE ${DB}.readings (id UInt32, outlet String, value Float64,`
      + ` at DateTime('Asia/Shanghai')) ENGINE = MergeTree ORDER BY id`,
  });
  out.push(`command ${typeof created.query_id}`);

  const inserted = await client.insert({
    table: `${DB}.readings`,
    values: [
      { id: 1, outlet: 'outlet-1', value: 25.5, at: '2025-01-15 10:20:00' },
      { id: 2, outlet: 'outlet-"2"', value: -1.25, at: '2025-01-15 10:21:00' },
    ],
    format: 'JSONEachRow',
  });
  out.push(`insert ${inserted.executed} written_rows=${inserted.summary && inserted.summary.written_rows}`);

  const rows = await client.query({
    query: `SELECT id, outlet, value, at FROM ${DB}.readings ORDER BY id`,
    format: 'JSON',
  });
  const json = await rows.json();
  out.push(`rows ${json.rows} ${JSON.stringify(json.data)}`);
  out.push(`meta ${json.meta.map((m) => `${m.name}:${m.type}`).join(',')}`);

  const params = await client.query({
    query: 'SELECT {n:UInt32} + 1 AS x, {s:String} AS s',
    query_params: { n: 41, s: "it's\ttabbed" },
    format: 'JSONEachRow',
  });
  out.push(`params ${JSON.stringify(await params.json())}`);

  try {
    await client.query({ query: 'SELEC 1' });
    out.push('syntax error not raised');
  } catch (e) {
    out.push(`error code=${e.code} type=${e.type}`);
  }
  await client.close();

  const compressed = createClient({ ...options, compression: { request: true, response: true } });
  await compressed.insert({
    table: `${DB}.readings`,
    values: [{ id: 3, outlet: 'gzip', value: 3, at: '2025-01-15 11:00:00' }],
    format: 'JSONEachRow',
  });
  const total = await compressed.query({
    query: `SELECT toUInt32(count()) AS n, sum(value) AS total FROM ${DB}.readings`,
    format: 'JSONEachRow',
  });
  out.push(`compressed ${JSON.stringify(await total.json())}`);
  await compressed.command({ query: `DROP DATABASE ${DB}` });
  await compressed.close();

  console.log(out.join('\n'));
}

main().catch((e) => {
  console.error('FAILED', e);
  process.exit(1);
});
