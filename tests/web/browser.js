#!/usr/bin/env node
// The page in a real browser: headless Chromium opens lmsstage.html from file:// with the query
// string of one case of each system, and the DOM must show what the native program prints (the
// text report line for line, the JSON byte for byte), with the case's survival row marked and the
// assumptions listed. Typing into the form restages and rewrites the address. No request may
// leave the page, no cookie or storage may be set, nothing may be logged as an error; the page
// must not scroll sideways at phone width or at 200% zoom, and must print on one page.
// The result card must show the stage, the categories, the survival figure on its chart and the
// current edition, with no JSON key or option syntax; a warning must stand beside its field; the
// copy text must be the report; axe-core (when installed: --axe) must find no WCAG 2.1 A/AA
// violation. Screenshots (PNG) and the printed PDFs are saved for people to look at; with --docs,
// the desktop (1280x900) and phone (390x844) screenshots of each system are written there too.
//
// Chromium is driven through the DevTools protocol over a pipe (--remote-debugging-pipe): no
// port, no WebSocket, no npm package.
//
//   node browser.js --page lmsstage.html --chromium /usr/bin/chromium --program lmsstage --out DIR
//                   [--axe axe.min.js] [--docs DIR]
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const name of ['page', 'chromium', 'program', 'out']) {
    if (!out[name]) throw new Error(`missing --${name}`);
  }
  return out;
}

/** One Chromium, spoken to over fds 3 (to it) and 4 (from it); messages end with a NUL byte. */
class Browser {
  constructor(executable, profile) {
    // A fresh profile, in the build tree: Chromium's helpers may still be writing to the last
    // one for a moment after it exits, so it is removed at the start of the next run as well.
    this.profile = profile;
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    fs.mkdirSync(profile, { recursive: true });
    const args = [
      '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
      '--hide-scrollbars', '--mute-audio', `--user-data-dir=${this.profile}`, '--remote-debugging-pipe',
    ];
    if (process.getuid && process.getuid() === 0) args.push('--no-sandbox'); // root cannot use the sandbox
    this.child = spawn(executable, [...args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => { this.stderr += d; });
    this.out = this.child.stdio[3];
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    let buffer = '';
    this.child.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        if (message.id && this.pending.has(message.id)) {
          const { resolve, reject, method } = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result);
        } else if (message.method) {
          for (const listener of this.listeners) listener(message);
        }
      }
    });
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId;
    this.nextId += 1;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.out.write(`${JSON.stringify(message)}\0`);
    });
  }

  waitFor(predicate, what, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const listener = (message) => {
        if (predicate(message)) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== listener);
          resolve(message);
        }
      };
      this.listeners.push(listener);
    });
  }

  async close() {
    try { await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]); } catch (e) { /* gone */ }
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
    try {
      fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (error) {
      // still in use for a moment: the next run removes it
    }
  }
}

// One case of each system, as a clinician's link would carry it.
const k_cases = [
  { name: 'ajcc7-soft-tissue', query: 'size=6&grade=3', shows: ['size', 'grade', 'depth'], hides: ['adnexa', 'mitotic_rate'] },
  { name: 'ajcc8-retroperitoneum', query: 'edition=8&site=retroperitoneum&size=12&grade=2&nodes=yes',
    shows: ['site', 'edition', 'grade'], hides: ['depth', 'adnexa'] },
  { name: 'figo2009-uterine', query: 'site=uterus&size=7&adnexa=1', shows: ['adnexa', 'pelvic', 'abdominal_sites'],
    hides: ['grade', 'depth', 'mitotic_rate'] },
  { name: 'ajcc7-gist', query: 'site=gi&histology=gist&gi_site=stomach&size=7&mitotic_rate=8',
    shows: ['gi_site', 'mitotic_rate'], hides: ['grade', 'depth', 'adnexa'] },
  { name: 'ajcc8-extremity', query: 'edition=8&site=extremity&size=6&grade=3', shows: ['site', 'edition', 'grade'],
    hides: ['adnexa', 'mitotic_rate'] },
  { name: 'ajcc8-gist', query: 'edition=8&site=gi&histology=gist&gi_site=small-intestine&size=7&mitotic_rate=8',
    shows: ['gi_site', 'mitotic_rate'], hides: ['grade', 'depth', 'adnexa'] },
  { name: 'uicc9-extremity', query: 'edition=uicc9&site=extremity&size=6&grade=3', shows: ['site', 'edition', 'grade'],
    hides: ['adnexa', 'mitotic_rate'] },
];

/** The command line's options for a query (the page's convention: a flag's 1 or nothing is yes). */
function cliArgs(query) {
  return [...new URLSearchParams(query)].map(([key, value]) => {
    const option = `--${key.replace(/_/g, '-')}`;
    if (['adnexa', 'pelvic', 'bladder_rectum', 'cervix', 'peritoneal_cytology', 'metastasis', 'nodes'].includes(key) && ['1', '', 'yes'].includes(value)) return option;
    return `${option}=${value}`;
  });
}

// What the page's DOM shows, read in the page.
const k_read_dom = `(() => {
  const all = (selector) => [...document.querySelectorAll(selector)];
  let storage = 0;
  try { storage = localStorage.length + sessionStorage.length; } catch (e) { storage = 0; }
  return {
    ready: document.body.dataset.ready,
    lines: all('#report .line').map((l) => l.textContent),
    headline: (document.querySelector('#report .headline') || {}).textContent,
    marked: all('#report mark').map((m) => m.textContent),
    json: document.getElementById('json').textContent,
    card: document.getElementById('card').innerText,
    cardStage: (document.querySelector('#card .card-stage') || {}).textContent,
    chips: all('#card .chip-name').map((c) => c.textContent),
    bars: all('#card .bar-row.this-case').map((b) => b.textContent),
    chartLabel: (document.querySelector('#card .chart') || { getAttribute: () => '' }).getAttribute('aria-label'),
    current: (document.querySelector('#card .card-current') || {}).textContent,
    notes: Object.fromEntries(all('.field').map((f) => [f.dataset.key, (f.querySelector('.note') || {}).textContent || ''])),
    invalid: all('[aria-invalid="true"]').map((c) => c.name),
    printCase: document.getElementById('print-case').textContent,
    options: Object.fromEntries(all('select').map((s) => [s.name, [...s.options].map((o) => o.textContent)])),
    firstScreen: (() => {
      // The text on the first screen: every visible text node whose box starts above the fold.
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('script, style, noscript') || !el.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const box = range.getBoundingClientRect();
        if (box.height > 0 && box.top < window.innerHeight) out.push(n.textContent);
      }
      return out.join(' ');
    })(),
    visible: all('.field').filter((f) => !f.hidden).map((f) => f.dataset.key),
    unlabelled: all('select, input').filter((c) => !c.labels || c.labels.length === 0).map((c) => c.id),
    footer: document.querySelector('footer').textContent,
    search: location.search,
    cookie: document.cookie,
    storage,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
})()`;

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  fs.rmSync(opt.out, { recursive: true, force: true }); // only this run's pictures
  fs.mkdirSync(opt.out, { recursive: true });
  if (opt.docs) fs.mkdirSync(opt.docs, { recursive: true }); // may lie inside opt.out
  const pageUrl = pathToFileURL(path.resolve(opt.page)).href;
  const failures = [];
  const expect = (ok, what) => { if (!ok) failures.push(what); };
  const native = (args) => spawnSync(opt.program, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  const browser = new Browser(opt.chromium, `${path.resolve(opt.out)}.chromium-profile`);
  const requests = [];
  const problems = [];
  browser.listeners.push((m) => {
    if (m.method === 'Network.requestWillBeSent') requests.push(m.params.request.url);
    if (m.method === 'Network.webSocketCreated') requests.push(m.params.url);
    if (m.method === 'Runtime.exceptionThrown') problems.push(`exception: ${m.params.exceptionDetails.text}`);
    if (m.method === 'Runtime.consoleAPICalled' && ['error', 'warning', 'assert'].includes(m.params.type)) {
      problems.push(`console.${m.params.type}: ${m.params.args.map((a) => a.value).join(' ')}`);
    }
    if (m.method === 'Log.entryAdded' && ['error', 'warning'].includes(m.params.entry.level)) {
      problems.push(`log ${m.params.entry.level}: ${m.params.entry.text}`);
    }
  });

  try {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (method, params) => browser.send(method, params, sessionId);
    for (const domain of ['Page', 'Network', 'Runtime', 'Log']) await send(`${domain}.enable`);
    const evaluate = async (expression) => {
      const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
    const view = (width, height, scale, mobile) => send('Emulation.setDeviceMetricsOverride',
      { width, height, deviceScaleFactor: scale, mobile });
    const open = async (query) => {
      const loaded = browser.waitFor((m) => m.method === 'Page.loadEventFired' && m.sessionId === sessionId, 'the page to load');
      await send('Page.navigate', { url: `${pageUrl}?${query}` });
      await loaded;
      for (let i = 0; i < 100; i += 1) {
        const ready = await evaluate('document.body.dataset.ready || ""');
        if (ready === 'true') return evaluate(k_read_dom);
        if (ready === 'failed') throw new Error(`the page could not start: ${await evaluate('document.getElementById("status").textContent')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the page did not start for ?${query}`);
    };
    // The text the "Copy report" button puts on the clipboard (the clipboard itself stubbed).
    const copyReport = () => evaluate(`(async () => {
      let text = null;
      navigator.clipboard.writeText = async (t) => { text = t; };
      document.getElementById('copy-report').click();
      await new Promise((r) => setTimeout(r, 50));
      return text;
    })()`);
    const screenshot = async (file, wholePage = true) => {
      const { cssContentSize } = await send('Page.getLayoutMetrics');
      const { data } = await send('Page.captureScreenshot', wholePage ? {
        format: 'png', captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 },
      } : { format: 'png' });
      fs.writeFileSync(path.join(opt.out, file), Buffer.from(data, 'base64'));
    };
    // The first screen as a person sees it, for docs/ (--docs): the viewport only.
    const docsShot = async (file) => {
      const { data } = await send('Page.captureScreenshot', { format: 'png' });
      fs.writeFileSync(path.join(opt.docs, file), Buffer.from(data, 'base64'));
    };
    const printedPages = async (file) => {
      const { data } = await send('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, printBackground: false });
      const pdf = Buffer.from(data, 'base64');
      fs.writeFileSync(path.join(opt.out, file), pdf);
      return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    };

    await view(1280, 900, 1, false);
    for (const c of k_cases) {
      const dom = await open(c.query);
      const args = cliArgs(c.query);
      const cliJson = native([...args, '--json']);
      const cliText = native(args);
      expect(cliJson.status === 0, `${c.name}: the program rejected ${args.join(' ')}: ${cliJson.stderr}`);
      const result = JSON.parse(cliJson.stdout);
      expect(dom.json === cliJson.stdout.replace(/\n$/, ''), `${c.name}: the JSON shown differs from lmsstage --json`);
      expect(dom.lines.join('\n') === cliText.stdout.replace(/\n$/, ''),
        `${c.name}: the report differs from the program's text report:\n${dom.lines.join('\n')}\n--- program:\n${cliText.stdout}`);
      const stageWord = result.system.id.startsWith('figo') ? 'FIGO stage' : 'Stage';
      expect(dom.headline && dom.headline.startsWith(`${stageWord} ${result.stage} `), `${c.name}: headline "${dom.headline}"`);
      if (result.survival === null) {
        // Outside every table's population (the retroperitoneum): no row marked, and the report says why.
        expect(dom.marked.length === 0, `${c.name}: marked rows ${JSON.stringify(dom.marked)} without a table`);
        expect(dom.lines.some((l) => l.includes('no survival table')), `${c.name}: no word on the missing table`);
      } else {
        const row = result.survival.rows.find((r) => r.summary_stage === result.survival.matched);
        expect(dom.marked.length === 1 && dom.marked[0].includes(row.summary_stage) && dom.marked[0].includes(`${row.percent}%`),
          `${c.name}: marked rows ${JSON.stringify(dom.marked)}, expected ${row.summary_stage} ${row.percent}%`);
      }
      // The report wraps at 80 columns: look for each assumption with the wrapping undone.
      const flat = (text) => text.replace(/\s+/g, ' ');
      const report = flat(dom.lines.join('\n'));
      for (const a of result.assumptions) {
        expect(report.includes(flat(`- ${a}`)), `${c.name}: assumption not shown: ${a}`);
      }
      expect(dom.cardStage && dom.cardStage.startsWith(`${stageWord} ${result.stage}`), `${c.name}: card stage "${dom.cardStage}"`);
      expect(!/--[a-z]| -> |"[a-z_]+":|\b(gi_site|mitotic_rate|abdominal_sites|bladder_rectum)\b/.test(dom.firstScreen),
        `${c.name}: option syntax, a terminal arrow or a JSON key on the first screen: ${dom.firstScreen}`);
      for (const key of c.shows) expect(dom.visible.includes(key), `${c.name}: field ${key} hidden`);
      for (const key of c.hides) expect(!dom.visible.includes(key), `${c.name}: field ${key} shown`);
      expect(dom.unlabelled.length === 0, `${c.name}: controls without a label: ${dom.unlabelled}`);
      expect(dom.footer.includes('supports and does not replace clinical judgment') && dom.footer.includes('lmsstage 0.1')
        && dom.footer.includes('AJCC 7th edition') && dom.footer.includes('FIGO 2009'), `${c.name}: footer "${dom.footer}"`);
      expect(dom.cookie === '' && dom.storage === 0, `${c.name}: cookie or storage set`);
      expect(dom.scrollWidth <= dom.innerWidth, `${c.name}: scrolls sideways at 1280 px (${dom.scrollWidth})`);
      await screenshot(`${c.name}.png`);
      if (opt.docs) {
        await docsShot(`lmsstage-page-${c.name}-1280.png`);
      }
      const pages = await printedPages(`${c.name}.pdf`);
      expect(pages === 1, `${c.name}: prints on ${pages} pages`);
      console.log(`${c.name}: ${dom.headline.trim()} | marked: ${dom.marked.length ? dom.marked[0].trim() : "none (no table)"} | ${dom.visible.length} fields shown, prints on ${pages} page(s)`);
    }

    // The example, checked word for word (and pictured as a first screen).
    await view(1080, 700, 1, false);
    const example = await open('size=6&grade=3');
    await screenshot('first-screen.png', false);
    // The card: Stage III, T2 N0 M0 G3, localized 82.4 % on the chart (SEER Soft Tissue including
    // Heart), the AJCC 8th edition's IIIA (chapter 41: T2 N0 M0 G3) beside it.
    expect(example.cardStage === 'Stage III', `size=6&grade=3: card stage "${example.cardStage}"`);
    expect(JSON.stringify(example.chips) === '["T2","N0","M0","G3"]', `size=6&grade=3: chips ${example.chips}`);
    expect(example.bars.length === 1 && /localized\s*82\.4%/.test(example.bars[0]), `size=6&grade=3: bars ${example.bars}`);
    expect(/localized 82\.4% \(this case\), regional 59\.8%, distant 16\.7%/.test(example.chartLabel),
      `size=6&grade=3: chart label "${example.chartLabel}"`);
    expect(example.current === 'AJCC 8th edition (2017, current): IIIA for trunk/extremity; choose the site to be sure',
      `size=6&grade=3: current edition "${example.current}"`);
    expect(example.card.includes('Population figures, not a prediction'), 'size=6&grade=3: no population caveat in the card');
    for (const word of ['Stage III', 'T2', 'G3', '82.4%', 'IIIA']) {
      expect(example.firstScreen.includes(word), `size=6&grade=3: "${word}" not on the first screen`);
    }
    // Copy report: the program's text report, with the case and the version.
    await send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
    const copied = await copyReport();
    const cliReport = native(['--size', '6', '--grade', '3']).stdout;
    expect(typeof copied === 'string' && copied.includes(cliReport) && copied.includes('lmsstage 0.1'),
      `copy report: ${JSON.stringify(copied).slice(0, 300)}`);
    // The case in words (printed, and copied with the report): each value by its own field's words,
    // a size of 8 or 7 as a size in cm, never as the edition of that number.
    const sized = await open('size=8&grade=3&edition=7&site=extremity');
    expect(sized.printCase.startsWith('Case: Size: 8 cm; ') && sized.printCase.includes('; Edition (AJCC or UICC): AJCC 7th edition (2010)')
      && !sized.printCase.includes('8th edition'), `size=8&edition=7: case "${sized.printCase}"`);
    const sizedCopy = await copyReport();
    expect(typeof sizedCopy === 'string' && sizedCopy.startsWith('Case: Size: 8 cm; ') && !sizedCopy.includes('Size: AJCC'),
      `size=8&edition=7: copied report ${JSON.stringify(sizedCopy).slice(0, 200)}`);
    const gist = await open('site=gi&histology=gist&gi_site=jejunum-ileum&size=7&mitotic_rate=8');
    expect(gist.printCase.includes('Size: 7 cm;') && gist.printCase.includes('Mitotic rate: 8 per 50 HPF.')
      && gist.printCase.includes('Histology: Gastrointestinal stromal tumour (GIST);')
      && gist.printCase.includes('Part of the GI tract: Jejunum/ileum;') && !/edition/i.test(gist.printCase),
      `GIST size 7: case "${gist.printCase}"`);
    // The options keep an acronym's capitals and read a hyphenated word as written.
    const histologies = gist.options.histology || [];
    for (const acronym of ['DSRCT', 'MFH', 'PNET', 'ASPS', 'MPNST', 'SFT', 'ESS', 'UPS', 'GIST', 'LMS']) {
      expect(histologies.some((o) => new RegExp(`\\b${acronym}\\b`).test(o)), `histology options: no "${acronym}" in ${JSON.stringify(histologies)}`);
    }
    const mangled = histologies.filter((o) => /\b(Dsrct|Mfh|Pnet|Asps|Mpnst|Sft|Ess|Ups|Gist|Lms)\b|\b[Ss]ft\b/.test(o));
    expect(mangled.length === 0, `histology options with an acronym's capitals lost: ${JSON.stringify(mangled)}`);
    expect(histologies.includes('Desmoplastic small round cell tumour (DSRCT)')
      && histologies.includes('Solitary fibrous tumour, malignant (malignant SFT)')
      && histologies.includes('Endometrial stromal sarcoma, low grade (low-grade ESS)')
      && histologies.includes('Spindle cell sarcoma'), `histology options: ${JSON.stringify(histologies)}`);
    expect((gist.options.gi_site || []).includes('Jejunum/ileum') && (gist.options.edition || []).includes('AJCC 8th edition (2017)'),
      `GI site and edition options: ${JSON.stringify([gist.options.gi_site, gist.options.edition])}`);
    // A warning beside its field: 65 without a unit is taken as cm; the Size field asks about mm.
    await view(1280, 900, 1, false);
    const large = await open('edition=8&site=extremity&size=65&grade=2');
    expect(/taken as 65 cm.*65 ?mm/.test(large.notes.size || ''), `size=65: size field note "${large.notes.size}"`);
    if (opt.docs) await docsShot('lmsstage-page-size-65-warning-1280.png');
    // An error beside its field, marked for assistive technology; every error at once.
    const bad = await open('size=-3&grade=3');
    expect(JSON.stringify(bad.invalid) === '["size"]' && /must be a positive length/.test(bad.notes.size),
      `size=-3: invalid ${bad.invalid}, note "${bad.notes.size}"`);
    const two = await open('size=-3&grade=7');
    expect(JSON.stringify(two.invalid) === '["size","grade"]' && /must be a positive length/.test(two.notes.size)
      && /grade/i.test(two.notes.grade) && two.card.includes('Not staged'),
      `size=-3&grade=7: invalid ${two.invalid}, notes "${two.notes.size}" / "${two.notes.grade}"`);
    await view(1080, 700, 1, false);
    await open('size=6&grade=3');
    expect(example.headline.startsWith('Stage III '), `size=6&grade=3: headline "${example.headline}"`);
    expect(example.lines.some((l) => l.includes('T2 N0 M0 G3')), 'size=6&grade=3: no "T2 N0 M0 G3" line');
    expect(example.marked.length === 1 && /localized\s+82\.4%/.test(example.marked[0]), `size=6&grade=3: marked ${example.marked}`);

    // Result as you type, from the keyboard: focus the size field, change 6 to 4; the address follows.
    await evaluate('document.getElementById("field-size").focus(), document.getElementById("field-size").select()');
    await send('Input.insertText', { text: '4' });
    let typed = await evaluate(k_read_dom);
    expect(typed.headline.startsWith('Stage IIA ') && typed.search === '?size=4&grade=3',
      `typing size 4: headline "${typed.headline}", address ${typed.search}`);
    // Tab to the next control and pick from a list with the arrow keys.
    await evaluate('document.getElementById("field-depth").focus()');
    for (const key of ['ArrowDown', 'ArrowDown']) {
      await send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: 40 });
      await send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: 40 });
    }
    typed = await evaluate(k_read_dom);
    expect(typed.lines[1].includes('T1b') && typed.search === '?size=4&depth=deep&grade=3',
      `arrow keys on depth: "${typed.lines[1]}", address ${typed.search}`);
    // A field the system does not read is kept, shown, and warned about, as the command line does.
    const uterus = await open('site=uterus&size=7&grade=3');
    expect(uterus.visible.includes('grade') && uterus.lines.some((l) => l.includes('grade was given but is not used')),
      'site=uterus&grade=3: grade not shown with its warning');
    // An invalid case says which field and why, as the command line does (field name for option).
    const invalid = await open('size=-3&grade=3');
    expect(invalid.headline === 'Not staged' && invalid.lines.some((l) => l.startsWith('size must be a positive length')),
      `size=-3: ${JSON.stringify(invalid.lines)}`);

    // An unknown key is an error, as in a JSON record; an absurdly long address is refused whole.
    const unknown = await open('size=6&grade=3&sise=7');
    expect(unknown.headline === 'Not staged' && unknown.lines.some((l) => l.startsWith('unknown field "sise"')),
      `unknown key: ${JSON.stringify(unknown.lines)}`);
    const long = await open(`size=6&grade=3&id=${'x'.repeat(300000)}`);
    expect(long.headline === 'Not staged' && long.lines.some((l) => l.includes('more than any case needs')),
      `long address: ${JSON.stringify(long.lines).slice(0, 300)}`);

    // A phone, and 200% zoom of a 1280 px window: no sideways scrolling.
    await view(390, 844, 2, true);
    const phone = await open('site=uterus&size=7&adnexa=1');
    expect(phone.scrollWidth <= phone.innerWidth, `phone width: scrolls sideways (${phone.scrollWidth} > ${phone.innerWidth})`);
    await screenshot('phone-390px-screen.png', false);
    await screenshot('phone-390px-page.png');
    await view(640, 450, 2, false);
    const zoomed = await open('size=6&grade=3');
    expect(zoomed.scrollWidth <= zoomed.innerWidth, `200% zoom: scrolls sideways (${zoomed.scrollWidth} > ${zoomed.innerWidth})`);
    await screenshot('zoom-200-percent.png');

    // Phone screenshots of each system for docs/.
    if (opt.docs) {
      await view(390, 844, 1, true);
      for (const c of k_cases) {
        await open(c.query);
        await docsShot(`lmsstage-page-${c.name}-390.png`);
      }
    }

    // The accessibility audit: axe-core's WCAG 2.1 A and AA rules, on each system's page, at desktop and phone width.
    if (opt.axe && fs.existsSync(opt.axe)) {
      const axeSource = fs.readFileSync(opt.axe, 'utf8');
      await send('Page.setBypassCSP', { enabled: true });
      for (const [width, height, scale, mobile] of [[1280, 900, 1, false], [390, 844, 2, true]]) {
        await view(width, height, scale, mobile);
        for (const query of [...k_cases.map((c) => c.query), 'edition=8&site=extremity&size=65&grade=2', 'size=-3&grade=3']) {
          await open(query);
          await evaluate(axeSource);
          const violations = await evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
          expect(violations.length === 0, `accessibility (${width} px, ?${query}): ${violations.join('; ')}`);
        }
      }
      await send('Page.setBypassCSP', { enabled: false });
      console.log('accessibility audit (axe-core, WCAG 2.1 A and AA): done');
    } else {
      console.log('axe-core not installed: the accessibility audit was skipped');
    }

    const cookies = await send('Network.getCookies', {});
    expect(cookies.cookies.length === 0, `cookies set: ${JSON.stringify(cookies.cookies)}`);
  } finally {
    await browser.close();
  }

  // Every request must be the page itself (or a data: URL it carries): nothing went out.
  const pagePath = pageUrl.split('?')[0];
  const outside = requests.filter((u) => !(u.split('?')[0] === pagePath || u.startsWith('data:') || u === 'about:blank'));
  expect(outside.length === 0, `requests beyond the page itself: ${outside.join(', ')}`);
  expect(problems.length === 0, `errors in the page: ${problems.join('; ')}`);

  console.log(`${requests.length} requests, all of them the page itself; screenshots and PDFs in ${opt.out}`);
  for (const f of failures) console.log(`FAIL ${f}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
