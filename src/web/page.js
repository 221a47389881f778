// The page's script. It knows no staging rule: the form is built from the field table the
// WebAssembly module exports (lmsstage_form), in plain words from the label tables below and the
// names the field table gives its values; every result comes from lmsstage_stage and is shown as a
// card (stage, categories with their reasons, summary stage, survival figure with its chart, the
// current edition, warnings, assumptions), with the command line's text report, shown as it is,
// behind "Full report". The case lives in the address's query string only: no storage, no cookie,
// no network.
'use strict';
(() => {
  const byId = (id) => document.getElementById(id);

  // The text report marks its parts with the terminal's colour codes (SGR); each becomes a role.
  const k_sgr_roles = { '1': 'heading', '2': 'quiet', '33': 'warning', '1;36': 'this-case' };
  const k_sgr = /\x1b\[([0-9;]*)m/g;

  const state = {
    stage: null,              // (query, explain) -> the door's JSON text
    controls: new Map(),      // key -> {field, wrap, control, note}
    routeFields: new Set(),   // the fields the case's system reads, as last known
    query: '',
  };

  // Words a clinician reads: each field's label and short hint. A field not listed is shown from its
  // key ("gi_site" as "GI site"); the address keeps the keys and the words.
  const k_labels = {
    site: ['Where the tumour is', ''],
    histology: ['Histology', 'The sarcoma type, by name or ICD-O-3 code'],
    edition: ['Edition (AJCC or UICC)', 'Left blank: the AJCC 7th edition'],
    size: ['Size', 'Greatest dimension, in cm (6, 5.5) or with a unit (55 mm)'],
    depth: ['Depth', 'Relative to the superficial fascia'],
    grade: ['Grade (FNCLCC)', ''],
    nodes: ['Regional lymph nodes involved', ''],
    metastasis: ['Distant metastasis', ''],
    extension: ['Spread beyond the site of origin', 'For the summary stage'],
    adnexa: ['Adnexa involved', ''],
    pelvic: ['Other pelvic tissues involved', ''],
    abdominal_sites: ['Abdominal sites invaded', 'How many: 0, 1, 2 or more'],
    bladder_rectum: ['Bladder or rectum involved', ''],
    cervix: ['Endocervical stromal involvement', 'For the summary stage only'],
    peritoneal_cytology: ['Peritoneal cytology positive', 'For the summary stage only'],
    myometrial_invasion: ['Myometrial invasion (%)', 'Percent of the myometrium invaded, 0 to 100'],
    gi_site: ['Part of the GI tract', ''],
    mitotic_rate: ['Mitotic rate', 'Mitoses per 50 high-power fields (5 mm²)'],
    adjoining_invasion: ['Invasion of adjoining structures', ''],
    visceral_extent: ['Extent in the organ', ''],
    foci: ['Number of tumour sites', 'Left blank: one'],
    basis: ['Basis of the categories', 'Clinical (cT), pathological (pT) or after neoadjuvant treatment (ypT)'],
  };
  // Each field's values in words where the core's table names none of them (the histology table
  // gives its ICD-O-3 terms, sent beside the values as "names"): a value's words belong to its
  // field, so that a size of 8 is never read as an edition. Any other word is shown as the table
  // spells it ("stomach" as "Stomach"); a number with its unit where the field has one.
  const k_value_words = {
    site: {
      'soft-tissue': 'Soft tissue, site not named', extremity: 'Soft tissue of a limb', trunk: 'Soft tissue of the trunk',
      'head-neck': 'Soft tissue of the head and neck', 'head-neck-organ': 'An organ of the head and neck',
      visceral: 'A visceral organ', gi: 'Gastrointestinal tract', mediastinum: 'Mediastinum (not the heart)',
    },
    edition: { 7: 'AJCC 7th edition (2010)', 8: 'AJCC 8th edition (2017)', uicc9: 'UICC TNM 9th edition (2025)' },
    grade: { X: 'X: cannot be assessed', high: 'High grade (2 or 3)' },
    extension: { adjacent: 'Adjacent tissue, bone or major vessel', 'adjacent-organ': 'An adjacent organ' },
    gi_site: { 'small-intestine': 'Small intestine', esophagus: 'Oesophagus', colorectum: 'Colon or rectum',
      'jejunum-ileum': 'Jejunum/ileum' },
    adjoining_invasion: { t4a: 'Orbit, skull base, dura, facial skeleton and the like (T4a)',
      t4b: 'Brain, carotid, prevertebral muscle (T4b)' },
    visceral_extent: { serosa: 'Into the serosa', 'beyond-serosa': 'Beyond the serosa', 'other-organ': 'Another organ' },
    basis: { 'post-therapy': 'Post-therapy (yp, after neoadjuvant treatment)' },
  };
  // The unit a bare number of a field is read in (the core reads a bare size as cm).
  const k_units = { length: ' cm', percent: '%', rate: ' per 50 HPF' };
  const k_finding_answers = [['yes', 'Yes'], ['no', 'No'], ['unknown', 'Unknown']];

  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  /** A word of the core's table with its name: the name, and the word after it where the word
   *  has a part the name does not spell out (an acronym, in capitals): "dsrct" -> "Desmoplastic
   *  small round cell tumour (DSRCT)", "low-grade-ess" -> "... (low-grade ESS)". */
  function namedWords(word, name) {
    const spelt = new Set(name.toLowerCase().split(/[^a-z]+/));
    const parts = word.split('-').map((p) => ({ text: spelt.has(p) ? p : p.toUpperCase(), acronym: !spelt.has(p) }));
    if (!parts.some((p) => p.acronym)) return capitalised(name);
    // Hyphens between spelt words as written ("low-grade"); a space beside an acronym.
    const short = parts.map((p, i) => (i === 0 ? '' : p.acronym || parts[i - 1].acronym ? ' ' : '-') + p.text).join('');
    return `${capitalised(name)} (${short})`;
  }

  /** A value of a field as a clinician reads it: by the field's own words, never another's. */
  function valueWord(field, value) {
    const text = String(value);
    if (!field) return text; // not a field: shown as given
    if (field.values.length === 0) {
      // A number, with its unit where a bare number has one ("8" -> "8 cm"); "55mm" as given.
      const unit = k_units[field.kind];
      return unit && /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(text) ? `${text.trim()}${unit}`
        : text.toLowerCase() === 'unknown' ? 'Unknown' : text;
    }
    const i = field.values.findIndex((v) => v.toLowerCase() === text.toLowerCase());
    if (i < 0) return text; // not one of the field's words (a code, a synonym): as given
    const word = field.values[i];
    if (field.names && field.names[i]) return namedWords(word, field.names[i]);
    const own = k_value_words[field.key] || {};
    if (Object.prototype.hasOwnProperty.call(own, word)) return own[word];
    return capitalised(word.replace(/-/g, ' '));
  }

  function decodeBase64(text) {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** "gi_site" -> "GI site", "abdominal_sites" -> "Abdominal sites". */
  function labelOf(key) {
    if (k_labels[key]) return k_labels[key][0];
    const words = key.split('_').map((w) => (w.length <= 2 ? w.toUpperCase() : w));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function element(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    node.append(...children);
    return node;
  }

  // ---- the form, from the field table ----

  /** What leaving a yes/no field blank stands for, from the field table ("left out: no ..."). */
  function blankMeans(field) {
    const m = /left out: (no|yes|confined|0|1)\b/.exec(field.help);
    return m ? m[1] : 'no';
  }

  function buildForm(table) {
    const box = byId('fields');
    for (const field of table.fields) {
      if (!field.in_form) continue;
      const id = `field-${field.key}`;
      const hint = k_labels[field.key] ? k_labels[field.key][1] : '';
      const help = element('p', { id: `${id}-help`, className: 'help', textContent: hint });
      const note = element('p', { id: `${id}-note`, className: 'note' });
      note.setAttribute('aria-live', 'polite');
      let control;
      let wrap;
      if (field.kind === 'finding') {
        // Segmented yes / no / unknown, and "not given" shown as the assumption it becomes.
        const blank = blankMeans(field) === 'yes' ? 'Yes' : 'No';
        const group = element('div', { className: 'segments' });
        const radios = [];
        for (const [value, words] of [...k_finding_answers, ['', `Not given (taken as ${blank})`]]) {
          const rid = `${id}-${value || 'blank'}`;
          const radio = element('input', { type: 'radio', id: rid, name: field.key, value });
          radio.addEventListener('change', onEdit);
          radios.push(radio);
          group.append(element('span', { className: 'segment' }, radio, element('label', { htmlFor: rid, textContent: words })));
        }
        radios[radios.length - 1].checked = true;
        control = {
          get value() { const r = radios.find((x) => x.checked); return r ? r.value : ''; },
          set value(v) { for (const r of radios) r.checked = r.value === v; },
          setAttribute(name, v) { for (const r of radios) r.setAttribute(name, v); },
          tagName: 'RADIOS',
          radios,
        };
        const legend = element('legend', { textContent: labelOf(field.key) });
        wrap = element('fieldset', { className: 'field finding' }, legend, group, help, note);
        for (const r of radios) r.setAttribute('aria-describedby', `${help.id} ${note.id}`);
      } else {
        if (field.values.length > 0) {
          control = element('select', { id, name: field.key },
            element('option', { value: '', textContent: 'Not given' }),
            ...field.values.map((v) => element('option', { value: v, textContent: valueWord(field, v) })));
        } else {
          control = element('input', { id, name: field.key, type: 'text', spellcheck: false, autocomplete: 'off' });
          if (field.kind === 'count') control.inputMode = 'numeric';
          if (field.kind === 'percent' || field.kind === 'length' || field.kind === 'rate') control.inputMode = 'decimal';
        }
        control.setAttribute('aria-describedby', `${help.id} ${note.id}`);
        control.addEventListener('input', onEdit);
        const label = element('label', { htmlFor: id }, labelOf(field.key));
        wrap = element('div', { className: 'field' }, label, control, help, note);
      }
      wrap.dataset.key = field.key;
      box.append(wrap);
      state.controls.set(field.key, { field, wrap, control, note });
    }
  }

  function setControl(key, value) {
    const c = state.controls.get(key);
    if (!c) return;
    if (c.control.tagName === 'RADIOS') {
      c.control.value = value;
      return;
    }
    if (c.control.tagName === 'SELECT' && ![...c.control.options].some((o) => o.value === value)) {
      // A value from the address that the list does not offer: shown, so that the error names it.
      c.control.append(element('option', { value, textContent: `${value} (not accepted)` }));
    }
    c.control.value = value;
  }

  function queryFromForm() {
    const params = new URLSearchParams();
    for (const [key, c] of state.controls) {
      const value = c.control.value.trim();
      if (value !== '') params.append(key, value);
    }
    return params.toString();
  }

  /** The field a warning speaks of: the warning starts with the field's name ("size 65 has ..."). */
  function warningField(warning) {
    for (const key of state.controls.keys()) {
      const name = key.replace(/_/g, ' ');
      if (warning === name || warning.startsWith(`${name} `) || warning.startsWith(`${name}:`)) return key;
    }
    return null;
  }

  /** Shows the fields the system reads, and any other field that holds a value or is at fault;
   *  each error and warning beside its field, marked for assistive technology too. */
  function showFields(r, result) {
    if (r.fields) state.routeFields = new Set(r.fields);
    const warned = new Map();
    for (const w of (result && result.warnings) || []) {
      const key = warningField(w);
      if (key) warned.set(key, [...(warned.get(key) || []), w]);
    }
    for (const [key, c] of state.controls) {
      const given = c.control.value !== '';
      const used = state.routeFields.has(key);
      const fault = (r.errors || []).find((e) => e.field === key);
      const atFault = fault !== undefined;
      c.wrap.hidden = !(used || given || atFault);
      const unused = given && !used && r.fields !== null;
      const warnings = warned.get(key) || [];
      c.wrap.classList.toggle('unused', unused);
      c.wrap.classList.toggle('warned', warnings.length > 0 && !atFault);
      c.wrap.classList.toggle('at-fault', atFault);
      c.control.setAttribute('aria-invalid', atFault ? 'true' : 'false');
      const text = atFault ? sentence(fault.message)
        : warnings.length > 0 ? warnings.map(sentence).join(' ')
          : unused ? 'Not used by this staging system. Clear it to leave it out.' : '';
      c.note.textContent = text;
    }
  }

  /** "size must be ..." -> "Size must be ...". */
  function sentence(text) {
    const t = String(text);
    return t.charAt(0).toUpperCase() + t.slice(1) + (/[.?!]$/.test(t) ? '' : '.');
  }

  // ---- the result ----

  /** One line of the text report as DOM: roles from the colour codes, wrapped lines indented. */
  function reportLine(line, first) {
    const node = element('div', { className: first ? 'line headline' : 'line' });
    const plain = line.replace(k_sgr, '');
    if (plain.trim() === '') {
      node.className = 'line blank';
      return node;
    }
    // Continuation lines hang under the text after the marker or label that starts the line.
    const indent = plain.match(/^ */)[0].length;
    const rest = plain.slice(indent);
    const lead = rest.match(/^- /) || rest.match(/^(?:> )?\S{1,14} {2,}/);
    const hang = indent + (lead ? lead[0].length : 2);
    node.style.paddingLeft = `${hang}ch`;
    node.style.textIndent = `-${hang}ch`;
    let role = null;
    let last = 0;
    const push = (text) => {
      if (text === '') return;
      if (role === null) {
        node.append(text);
      } else {
        const tag = role === 'this-case' ? 'mark' : role === 'heading' ? 'strong' : 'span';
        node.append(element(tag, { className: role, textContent: text }));
      }
    };
    for (const m of line.matchAll(k_sgr)) {
      push(line.slice(last, m.index));
      role = m[1] === '0' || m[1] === '' ? null : (k_sgr_roles[m[1]] || 'other');
      last = m.index + m[0].length;
    }
    push(line.slice(last));
    return node;
  }

  /** The card: the answer at a glance, from the result JSON and the door's headline. */
  function buildCard(r, result) {
    const card = byId('card');
    card.replaceChildren();
    card.classList.toggle('failed', !r.ok);
    if (!r.ok) {
      card.append(element('p', { className: 'card-stage', textContent: 'Not staged' }),
        element('ul', { className: 'card-errors' },
          ...(r.errors || [r.error]).map((e) => element('li', { className: 'card-error', textContent: sentence(e.message) }))));
      return 'Not staged';
    }
    const open = r.rows.length > 1; // the door names rows only when they are open
    card.append(element('p', { className: 'card-stage', textContent: r.headline }),
      element('p', { className: 'card-system', textContent: result.system.name }));
    if (r.current) card.append(element('p', { className: 'card-current', textContent: r.current }));
    const list = (title, items, className) => {
      if (items.length === 0) return;
      card.append(element('div', { className },
        element('h3', { textContent: title }),
        element('ul', {}, ...items.map((x) => element('li', { textContent: sentence(x) })))));
    };
    list('Warnings', result.warnings, 'card-warnings');
    // The categories as chips, each with its reason.
    const reasons = new Map(result.trace.map((t) => [t.rule, t.because]));
    const chips = element('ul', { className: 'chips' });
    chips.setAttribute('aria-label', 'Categories');
    // The categories as written under the basis (pT2 cM0; bare when the basis is not stated).
    const cats = { ...result.categories, ...(result.tnm || {}) };
    for (const [rule, value, what] of [['T', cats.T, 'Tumour'], ['N', cats.N, 'Nodes'], ['M', cats.M, 'Metastasis'],
      ['G', cats.G, 'Grade'], ['mitotic_rate', cats.mitotic_rate, 'Mitotic rate']]) {
      if (!value) continue;
      chips.append(element('li', { className: 'chip' },
        element('span', { className: 'chip-name', textContent: value }),
        element('span', { className: 'visually-hidden', textContent: ` (${what}): ` }),
        element('span', { className: 'chip-reason', textContent: (reasons.get(rule) || '').replaceAll(' -> ', ' → ') })));
    }
    card.append(chips);
    const summary = open ? r.rows.join(' or ') : (result.summary_stage || 'undetermined');
    card.append(element('p', { className: 'card-summary' }, 'Summary stage: ', element('strong', { textContent: summary })));
    for (const n of result.notes.filter((x) => /^(summary )?stage undetermined/.test(x))) {
      card.append(element('p', { className: 'card-why', textContent: sentence(n) }));
    }
    let short = `${r.headline} · ${[cats.T, cats.N, cats.M, cats.G].filter(Boolean).join(' ')}`;
    // The survival figure and a small chart of its table.
    const t = result.survival;
    const box = element('div', { className: 'survival' });
    if (t === null) {
      box.append(element('p', { className: 'survival-figure', textContent: 'Five-year survival: no table of figures covers this case.' }));
    } else {
      const possible = open ? t.rows.filter((row) => r.rows.includes(row.summary_stage)) : [];
      const matched = t.rows.find((row) => row.summary_stage === t.matched);
      let figure;
      if (open) {
        figure = `${possible.map((row) => `${row.summary_stage} ${row.percent}%`).join(' or ')}, as the unknowns decide`;
      } else if (matched) {
        figure = `${matched.percent}% (${matched.summary_stage})`;
      } else {
        figure = 'no row: the summary stage is undetermined';
      }
      short += ` · ${figure}`;
      box.append(element('p', { className: 'survival-figure' }, 'Five-year survival: ', element('strong', { textContent: figure })));
      const chart = element('div', { className: 'chart' });
      chart.setAttribute('role', 'img');
      const described = t.rows.map((row) => {
        const tag = open && r.rows.includes(row.summary_stage) ? ' (possible for this case)'
          : !open && row.summary_stage === t.matched ? ' (this case)' : '';
        return `${row.summary_stage} ${row.percent}%${tag}`;
      });
      chart.setAttribute('aria-label', `${t.title}, ${t.measure} by summary stage: ${described.join(', ')}`);
      for (const row of t.rows) {
        const isCase = open ? r.rows.includes(row.summary_stage) : row.summary_stage === t.matched;
        const fill = element('span', { className: 'bar-fill' });
        fill.style.width = `${Math.max(0, Math.min(100, row.percent))}%`;
        const line = element('div', { className: `bar-row${isCase ? ' this-case' : ''}` },
          element('span', { className: 'bar-label', textContent: row.summary_stage }),
          element('span', { className: 'bar' }, fill),
          element('span', { className: 'bar-value', textContent: `${row.percent}%` }));
        line.setAttribute('aria-hidden', 'true');
        chart.append(line);
      }
      box.append(chart,
        element('p', { className: 'caveat', textContent: 'Population figures, not a prediction for one patient.' }),
        element('p', { className: 'population' }, element('strong', { textContent: `${t.title}, ${t.measure}. ` }),
          `Population: ${t.population}. Source: ${t.source}, as quoted in ${t.cited_in}.`));
    }
    card.append(box);
    list('Assumed, as not given', result.assumptions, 'card-assumptions');
    return short;
  }

  function showResult(r) {
    const report = byId('report');
    report.replaceChildren();
    report.classList.toggle('failed', !r.ok);
    let result = null;
    if (r.ok) {
      result = JSON.parse(r.json);
      const lines = r.text.replace(/\n$/, '').split('\n');
      lines.forEach((line, i) => report.append(reportLine(line, i === 0)));
    } else {
      report.append(element('p', { className: 'line headline', textContent: 'Not staged' }),
        element('p', { className: 'line error', textContent: r.error.message }));
    }
    const short = buildCard(r, result);
    byId('status').textContent = r.ok ? short : `Not staged: ${sentence(r.error.message)}`;
    byId('summary').textContent = r.ok ? short : 'Not staged';
    byId('json').textContent = r.json;
    byId('copy-status').textContent = '';
    byId('action-status').textContent = '';
    const params = [...new URLSearchParams(state.query)]
      .map(([k, v]) => `${labelOf(k)}: ${valueWord((state.controls.get(k) || {}).field, v)}`);
    byId('print-case').textContent = `Case: ${params.length > 0 ? params.join('; ') : 'no field given'}. `
      + `Printed ${new Date().toISOString().slice(0, 10)}.`;
    return result;
  }

  // The query is passed on the module's stack (256 KiB); a case needs a few hundred characters.
  const k_max_query = 8192;

  function run(query) {
    state.query = query;
    if (query.length > k_max_query) {
      const message = `the address holds ${query.length} characters after "?", more than any case needs (${k_max_query})`;
      return { ok: false, system: null, fields: null, error: { field: '', message }, errors: [{ field: '', message }],
        given: {}, json: '', text: '', headline: '', current: '', rows: [] };
    }
    state.last = JSON.parse(state.stage(query, byId('explain').checked ? 1 : 0));
    return state.last;
  }

  function render(r) {
    const result = showResult(r);
    showFields(r, result);
  }

  function onEdit() {
    const query = queryFromForm();
    render(run(query));
    try {
      history.replaceState(null, '', query === '' ? location.pathname : `?${query}`);
    } catch (e) {
      // Some browsers refuse to change a file:// address; the result is shown all the same.
    }
  }

  function wire() {
    byId('form').addEventListener('submit', (event) => event.preventDefault());
    byId('explain').addEventListener('change', () => render(run(state.query)));
    byId('clear').addEventListener('click', () => {
      for (const c of state.controls.values()) c.control.value = '';
      onEdit();
    });
    const copy = async (text, node, status) => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch (e) {
        if (node) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          try { copied = document.execCommand('copy'); } catch (e2) { copied = false; }
        }
      }
      byId(status).textContent = copied ? 'Copied.' : node ? 'Selected: copy it with Ctrl+C.' : 'Could not copy here.';
    };
    byId('copy').addEventListener('click', () => copy(byId('json').textContent, byId('json'), 'copy-status'));
    byId('copy-report').addEventListener('click', () => copy(reportText(), null, 'action-status'));
    byId('copy-link').addEventListener('click', () => copy(location.href, null, 'action-status'));
    byId('print').addEventListener('click', () => window.print());
  }

  /** The report as plain text for a clinic letter: the case, the report, the date and version. */
  function reportText() {
    const r = state.last;
    if (!r) return '';
    const body = r.ok ? r.text.replace(k_sgr, '') : `Not staged: ${r.error.message}\n`;
    return `${byId('print-case').textContent}\n\n${body}\n${byId('about').textContent}\n`;
  }

  async function start() {
    const module = await createLmsstage({
      wasmBinary: decodeBase64(byId('lmsstage-wasm').textContent),
      print: () => {},
      printErr: (text) => console.error(text),
    });
    state.stage = (query, explain) => module.ccall('lmsstage_stage', 'string', ['string', 'number'], [query, explain]);
    const table = JSON.parse(module.ccall('lmsstage_form', 'string', [], []));
    byId('reminder').textContent = table.reminder;
    byId('about').textContent = `lmsstage ${table.version}. Rule sets: ${table.rule_sets}.`;
    buildForm(table);
    wire();
    // Default route first (the fields of the system an empty case selects), then the address's case.
    showFields(run(''), null);
    const r = run(location.search.replace(/^\?/, ''));
    for (const [key, value] of Object.entries(r.given)) setControl(key, value);
    render(r);
    document.body.dataset.ready = 'true';
  }

  start().catch((error) => {
    const message = `The staging code could not start in this browser (${error}). `
      + 'It needs a browser that runs WebAssembly (2022 or later).';
    byId('status').textContent = message;
    byId('report').replaceChildren(element('p', { className: 'line error', textContent: message }));
    byId('report').classList.add('failed');
    document.body.dataset.ready = 'failed';
  });
})();
