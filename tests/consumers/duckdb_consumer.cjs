// The README's DuckDB queries, run as written on lmsstage's output: read_csv on the CSV of the
// default columns, read_json on the compact NDJSON and on the full result records (nested fields).
// Usage: node duckdb_consumer.cjs PROGRAM_DIR   (NODE_PATH must reach @duckdb/node-api)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DuckDBInstance } = require('@duckdb/node-api');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lmsstage-duckdb-'));
process.chdir(work);
process.env.PATH = process.argv[2] + path.delimiter + process.env.PATH;
fs.writeFileSync('cohort.csv', 'id,site,size,grade,nodes\r\nT-001,extremity,65mm,3,\r\n"Smith, J",extremity,12,2,yes\r\n' +
                                   'T-003,uterus,7,,\r\nT-004,trunk,-2,1,\r\n');
const batch = (...args) => execFileSync('lmsstage', ['batch', '--exit-zero', ...args, 'cohort.csv'], { stdio: ['ignore', 'pipe', 'ignore'] });
fs.writeFileSync('staged.csv', batch('--to', 'csv'));
fs.writeFileSync('staged.ndjson', batch('--to', 'ndjson'));
fs.writeFileSync('full.ndjson', batch());

const queries = {
  // --- as in the README ("DuckDB") ---
  stages: "SELECT stage, count(*) AS n FROM read_csv('staged.csv') GROUP BY stage ORDER BY stage",
  compact: "SELECT id, possible_stages, survival_percent FROM read_json('staged.ndjson') WHERE ok",
  full: "SELECT id, stage, survival.matched AS matched, error.field AS bad FROM read_json('full.ndjson')",
  // --- end of the README's queries ---
};
const expected = {
  stages: '[{"stage":"IB","n":"1"},{"stage":"III","n":"2"},{"stage":null,"n":"1"}]',
  compact: '[{"id":"T-001","possible_stages":["III"],"survival_percent":82.4},' +
           '{"id":"Smith, J","possible_stages":["III"],"survival_percent":59.8},' +
           '{"id":"T-003","possible_stages":["IB"],"survival_percent":60}]',
  full: '[{"id":"T-001","stage":"III","matched":"localized","bad":null},' +
        '{"id":"Smith, J","stage":"III","matched":"regional","bad":null},' +
        '{"id":"T-003","stage":"IB","matched":"localized","bad":null},' +
        '{"id":"T-004","stage":null,"matched":null,"bad":"size"}]',
};
(async () => {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  let failures = 0;
  for (const [name, sql] of Object.entries(queries)) {
    const got = JSON.stringify((await con.runAndReadAll(sql)).getRowObjectsJson());
    if (got !== expected[name]) {
      console.log(`FAIL: ${name}: got ${got}\n      expected ${expected[name]}`);
      failures += 1;
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  if (failures === 0) {
    console.log('DuckDB: read_csv and read_json read lmsstage\'s output as the README shows');
  }
  process.exit(failures === 0 ? 0 : 1);
})();
