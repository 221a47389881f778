#!/usr/bin/env node
// Builds the one-file page: puts the styles, the Emscripten loader, the page script and the
// WebAssembly bytes (base64) into the template's {{...}} places. Nothing is fetched at run time.
//
//   node inline_page.js --template page.html --style page.css --script page.js
//        --loader lmsstage_web.js --wasm lmsstage_web.wasm --version 0.1.0 --out lmsstage.html
'use strict';
const crypto = require('crypto');
const fs = require('fs');

function options(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`usage: expected --name value pairs, got ${argv[i]}`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  for (const name of ['template', 'style', 'script', 'loader', 'wasm', 'version', 'out']) {
    if (!(name in out)) throw new Error(`missing --${name}`);
  }
  return out;
}

// Inline text must not end its element early (nor, in a script, open an HTML comment): refuse
// rather than rewrite code.
function inlineText(file, ...forbidden) {
  const text = fs.readFileSync(file, 'utf8');
  for (const bad of forbidden) {
    if (text.toLowerCase().includes(bad)) {
      throw new Error(`${file} contains "${bad}": it cannot be inlined as it is`);
    }
  }
  return text;
}

const opt = options(process.argv.slice(2));
const parts = {
  VERSION: opt.version,
  STYLE: inlineText(opt.style, '</style'),
  LOADER: inlineText(opt.loader, '</script', '<!--'),
  SCRIPT: inlineText(opt.script, '</script', '<!--'),
  WASM: fs.readFileSync(opt.wasm).toString('base64'),
};
// The page's content security policy allows exactly the inline script and style put in here
// (by hash), WebAssembly compiled from bytes, and data: images; everything else, every network
// request included (connect-src, img-src, ... fall back to default-src), is refused.
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
parts.CSP = [
  "default-src 'none'",
  `script-src ${hash(parts.LOADER)} ${hash(parts.SCRIPT)} 'wasm-unsafe-eval'`,
  `style-src ${hash(parts.STYLE)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const template = fs.readFileSync(opt.template, 'utf8');
const used = new Set();
// One pass, so that text put in place is never searched for places itself.
const page = template.replace(/\{\{([A-Z]+)\}\}/g, (place, name) => {
  if (!(name in parts)) throw new Error(`${opt.template}: ${place} is not a known part`);
  used.add(name);
  return parts[name];
});
for (const name of Object.keys(parts)) {
  if (!used.has(name)) throw new Error(`${opt.template} has no {{${name}}}`);
}
fs.writeFileSync(opt.out, page);
console.log(`${opt.out}: ${page.length} bytes (${(Buffer.byteLength(page) / 1024).toFixed(1)} KiB)`);
