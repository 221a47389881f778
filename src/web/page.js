// The page's script. It knows no staging rule and no field: the form is built from the field table
// the WebAssembly module exports (lmsstage_form), every result comes from lmsstage_stage, and the
// report is the command line's text report, shown as it is. The case lives in the address's query
// string only: no storage, no cookie, no network.
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

  function decodeBase64(text) {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** "gi_site" -> "GI site", "abdominal_sites" -> "Abdominal sites". */
  function labelOf(key) {
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

  function buildForm(table) {
    const box = byId('fields');
    for (const field of table.fields) {
      if (!field.in_form) continue;
      const id = `field-${field.key}`;
      let control;
      if (field.values.length > 0) {
        control = element('select', { id, name: field.key },
          element('option', { value: '', textContent: '(not given)' }),
          ...field.values.map((v) => element('option', { value: v, textContent: v })));
      } else {
        control = element('input', { id, name: field.key, type: 'text', spellcheck: false, autocomplete: 'off' });
        if (field.kind === 'count') control.inputMode = 'numeric';
        if (field.kind === 'percent') control.inputMode = 'decimal';
      }
      const help = element('p', { id: `${id}-help`, className: 'help', textContent: field.help });
      const note = element('p', { id: `${id}-note`, className: 'note' });
      control.setAttribute('aria-describedby', `${help.id} ${note.id}`);
      control.addEventListener('input', onEdit);
      const key = element('code', { className: 'key', textContent: field.key });
      key.setAttribute('aria-hidden', 'true'); // the key as in the address and the JSON; read once
      const label = element('label', { htmlFor: id }, labelOf(field.key), ' ', key);
      const wrap = element('div', { className: 'field' }, label, control, help, note);
      wrap.dataset.key = field.key;
      box.append(wrap);
      state.controls.set(field.key, { field, wrap, control, note });
    }
  }

  function setControl(key, value) {
    const c = state.controls.get(key);
    if (!c) return;
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

  /** Shows the fields the system reads, and any other field that holds a value or is at fault. */
  function showFields(r) {
    if (r.fields) state.routeFields = new Set(r.fields);
    for (const [key, c] of state.controls) {
      const given = c.control.value !== '';
      const used = state.routeFields.has(key);
      const atFault = r.error !== null && r.error.field === key;
      c.wrap.hidden = !(used || given || atFault);
      const unused = given && !used && r.fields !== null;
      c.wrap.classList.toggle('unused', unused);
      c.wrap.classList.toggle('at-fault', atFault);
      c.control.setAttribute('aria-invalid', atFault ? 'true' : 'false');
      c.note.textContent = atFault ? r.error.message
        : unused ? 'Not read by this staging system (the result warns about it). Clear it to leave it out.' : '';
    }
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

  function showResult(r) {
    const report = byId('report');
    report.replaceChildren();
    report.classList.toggle('failed', !r.ok);
    if (r.ok) {
      const lines = r.text.replace(/\n$/, '').split('\n');
      lines.forEach((line, i) => report.append(reportLine(line, i === 0)));
      byId('status').textContent = lines[0].replace(k_sgr, '');
    } else {
      report.append(element('p', { className: 'line headline', textContent: 'Not staged' }),
        element('p', { className: 'line error', textContent: r.error.message }));
      byId('status').textContent = `Not staged: ${r.error.message}`;
    }
    byId('summary').textContent = byId('status').textContent;
    byId('json').textContent = r.json;
    byId('copy-status').textContent = '';
    const params = [...new URLSearchParams(state.query)].map(([k, v]) => `${k}=${v}`);
    byId('print-case').textContent = `Case: ${params.length > 0 ? params.join(', ') : 'no field given'}`;
  }

  // The query is passed on the module's stack (256 KiB); a case needs a few hundred characters.
  const k_max_query = 8192;

  function run(query) {
    state.query = query;
    if (query.length > k_max_query) {
      const message = `the address holds ${query.length} characters after "?", more than any case needs (${k_max_query})`;
      return { ok: false, system: null, fields: null, error: { field: '', message }, given: {}, json: '', text: '' };
    }
    return JSON.parse(state.stage(query, byId('explain').checked ? 1 : 0));
  }

  function render(r) {
    showFields(r);
    showResult(r);
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
    byId('copy').addEventListener('click', async () => {
      const text = byId('json').textContent;
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(byId('json'));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        try { copied = document.execCommand('copy'); } catch (e2) { copied = false; }
      }
      byId('copy-status').textContent = copied ? 'Copied.' : 'Selected: copy it with Ctrl+C.';
    });
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
    showFields(run(''));
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
