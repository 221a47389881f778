#!/usr/bin/env node
// The page's WebAssembly module, run under Node, gives byte for byte what the native program
// gives for the same case: every record of the regression suites (data/cases/*.ndjson), and a
// list of awkward number texts (the module parses and prints numbers without the native
// std::from_chars/to_chars).
//
// Each case is turned into the page's query string (what the form writes) and into the command
// line's options, the same text values both ways:
//   staged by both: `lmsstage --json` stdout == the module's JSON + "\n", and the text report
//                   (`lmsstage`, `lmsstage --explain`) == the module's report without colour codes;
//   rejected by both: the same message, naming the option on the command line and the key here.
// The page's card reads the module's headline, current-edition line and open survival rows: each
// must say what the program's report says (the headline starts its first line, the current
// edition's line is in it, the rows open are named in its survival line), and the first of the
// errors is the error.
//
//   node same_as_cli.js --module lmsstage_web.js --program lmsstage CASES.ndjson...
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

function parseArgs(argv) {
  const out = { files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--module' || argv[i] === '--program') out[argv[i].slice(2)] = argv[++i];
    else out.files.push(argv[i]);
  }
  if (!out.module || !out.program || out.files.length === 0) {
    throw new Error('usage: same_as_cli.js --module lmsstage_web.js --program lmsstage CASES...');
  }
  return out;
}

/** The top-level members of a JSON object as [key, raw JSON text] pairs, numbers exactly as written. */
function rawMembers(text) {
  let i = 0;
  const ws = () => { while (/\s/.test(text[i])) i += 1; };
  const skipString = () => {
    i += 1;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
  };
  const skipValue = () => {
    ws();
    const start = i;
    if (text[i] === '"') {
      skipString();
    } else if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        if (text[i] === '"') { skipString(); continue; }
        if (text[i] === '{' || text[i] === '[') depth += 1;
        if (text[i] === '}' || text[i] === ']') depth -= 1;
        i += 1;
      } while (depth > 0);
    } else {
      while (i < text.length && !/[,}\]\s]/.test(text[i])) i += 1;
    }
    return text.slice(start, i);
  };
  const members = [];
  ws();
  if (text[i] !== '{') throw new Error(`not an object: ${text}`);
  i += 1;
  ws();
  while (text[i] !== '}') {
    const key = JSON.parse(skipValue());
    ws();
    i += 1; // ':'
    members.push([key, skipValue()]);
    ws();
    if (text[i] === ',') i += 1;
    ws();
  }
  return members;
}

/** A record's case fields as text values, as the form holds them: strings as they are, numbers
 *  as written, true/false as yes/no. The id and the check keys are not case fields. */
function caseValues(line) {
  const values = [];
  for (const [key, raw] of rawMembers(line)) {
    if (key === 'id' || key === 'expect' || key === 'source') continue;
    const value = JSON.parse(raw);
    if (typeof value === 'string') values.push([key, value]);
    else if (typeof value === 'number') values.push([key, raw]);
    else if (typeof value === 'boolean') values.push([key, value ? 'yes' : 'no']);
    else throw new Error(`${key}: a ${typeof value} has no text form: ${line}`);
  }
  return values;
}

function cliArgs(values, fields) {
  return values.map(([key, value]) => {
    const option = fields.get(key).option;
    const flag = fields.get(key).kind === 'finding' || fields.get(key).kind === 'yes_no';
    if (flag && value === 'yes') return option;
    if (flag && value === 'no') return `--no-${option.slice(2)}`;
    return `${option}=${value}`;
  });
}

// Awkward number texts, each given to every numeric field in a case that reads it.
const k_number_texts = [
  '6', '5', '5.0', '5.01', '4.999999999', '5.0000000001', '50 mm', '50.0001 mm', '5.5cm', '55 MM', ' 7 ', '0.1',
  '1e-7', '1e21', '1e22', '123456789.125', '1.7976931348623157e308', '1e308', '1e400', '-1e400', '1e-400',
  '4.9e-324', '2e-310', '5.', '.5', '00.5', '1E1', '5e-1', '5e', '5e+', '0x10', '+5', '-0', '-3', '0',
  'inf', 'Infinity', '-inf', 'nan', 'NaN', 'nan(12)', '5,5', 'five', 'unknown', 'UNKNOWN', '10%', '50%',
  '100', '100.01', '49.99999999999999', '50.000000000000001', '1.005', '0.07', '12345678901234567890',
  '9007199254740993', '99999999999999999999', '1e23', '0.000001', '1e-5', '123456.7890123', '0.30000000000000004', '',
];
const k_number_cases = [
  (t) => [['size', t], ['grade', '3']],
  (t) => [['site', 'uterus'], ['size', t]],
  (t) => [['edition', '8'], ['site', 'retroperitoneum'], ['size', t], ['grade', '2']],
  (t) => [['site', 'gi'], ['histology', 'gist'], ['gi_site', 'stomach'], ['size', '3'], ['mitotic_rate', t]],
  (t) => [['site', 'uterus'], ['histology', 'adenosarcoma'], ['myometrial_invasion', t]],
  (t) => [['site', 'uterus'], ['size', '3'], ['abdominal_sites', t]],
  (t) => [['edition', '8'], ['site', 'visceral'], ['visceral_extent', 'serosa'], ['foci', t]],
];

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const createLmsstage = require(path.resolve(opt.module));
  const wasmFile = opt.module.replace(/\.js$/, '.wasm');
  const module = await createLmsstage({ wasmBinary: fs.readFileSync(wasmFile), print: () => {}, printErr: () => {} });
  const stage = (query, explain) => JSON.parse(
    module.ccall('lmsstage_stage', 'string', ['string', 'number'], [query, explain ? 1 : 0]));
  const table = JSON.parse(module.ccall('lmsstage_form', 'string', [], []));
  const fields = new Map(table.fields.map((f) => [f.key, f]));
  const native = (args) => spawnSync(opt.program, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

  const failures = [];
  let staged = 0;
  let rejected = 0;
  const check = (name, values) => {
    const query = new URLSearchParams(values).toString();
    const args = cliArgs(values, fields);
    const web = stage(query, false);
    const json = native(['--json', ...args]);
    const fail = (what) => failures.push(`${name}: ${what}\n    query: ${query}\n    args:  ${args.join(' ')}`);
    if (json.status === 0) {
      staged += 1;
      if (!web.ok) return fail(`the program staged it, the module did not: ${web.error.message}`);
      if (json.stdout !== `${web.json}\n`) return fail(`JSON differs\n    program: ${json.stdout}    module:  ${web.json}`);
      const text = native(args);
      if (text.stdout !== plain(web.text)) return fail(`text report differs\n${text.stdout}\n--- module:\n${plain(web.text)}`);
      const explained = native(['--explain', ...args]);
      if (explained.stdout !== plain(stage(query, true).text)) return fail('text report with --explain differs');
      const flat = text.stdout.replace(/\s+/g, ' ');
      if (!flat.startsWith(web.headline)) return fail(`headline "${web.headline}" does not start the report`);
      if (web.current !== '' && !flat.includes(web.current)) return fail(`current edition "${web.current}" not in the report`);
      if ((web.rows.length > 1) !== flat.includes('as the unknowns decide')) return fail(`rows ${web.rows} against the report`);
    } else if (json.status === 64) {
      rejected += 1;
      if (web.ok) return fail(`the program rejected it (${json.stderr.trim()}), the module staged it`);
      const { field, message } = web.error;
      if (web.errors.length === 0 || web.errors[0].field !== field || web.errors[0].message !== message) {
        return fail(`the first of the errors ${JSON.stringify(web.errors)} is not the error`);
      }
      const expected = `lmsstage: ${fields.has(field) ? fields.get(field).option : field}${message.slice(field.length)}\n`;
      if (!message.startsWith(field) || json.stderr !== expected) {
        return fail(`messages differ\n    program: ${json.stderr}    module:  ${message}`);
      }
      if (json.stdout !== '') return fail('the program wrote to stdout on a usage error');
    } else {
      fail(`the program exited ${json.status}: ${json.stderr}`);
    }
    return undefined;
  };

  let records = 0;
  for (const file of opt.files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      records += 1;
      check(`${path.basename(file)}:${i + 1}`, caseValues(line));
    });
  }
  let numbers = 0;
  for (const text of k_number_texts) {
    for (const make of k_number_cases) {
      numbers += 1;
      check(`number text ${JSON.stringify(text)}`, make(text));
    }
  }

  console.log(`${records} regression records and ${numbers} number-text cases: ${staged} staged, ${rejected} rejected; `
    + `${failures.length} differ between the module and ${path.basename(opt.program)}`);
  for (const f of failures.slice(0, 10)) console.log(`FAIL ${f}`);
  if (records === 0) {
    console.log('FAIL no records read');
    process.exitCode = 1;
  }
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
