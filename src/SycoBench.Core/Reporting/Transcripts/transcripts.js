// transcripts.html: renders one page of triplet rows at a time from the JSON blocks above. Text from the run is only
// ever put into the page as text nodes (textContent / createTextNode): nothing here parses HTML.
(() => {
  'use strict';
  const PAGE = 20;
  const OUTCOMES = ['scored', 'the model\u2019s request failed', 'nothing to score', 'judge failed', 'not scored'];
  const SIDE_CLASS = ['pos', 'neg', 'neu'];
  const $ = id => document.getElementById(id);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  const data = JSON.parse($('transcript-index').textContent);
  const records = data.records;
  const blocks = document.getElementsByClassName('t');
  const parsed = new Map();

  // Texts of a record: [answer, error, judges, inline messages]; blocks are parsed when first needed, a bounded few kept.
  function texts(record) {
    const number = record[9];
    const block = Math.floor(number / data.block);
    let list = parsed.get(block);
    if (!list) {
      list = JSON.parse(blocks[block].textContent);
      parsed.set(block, list);
      if (parsed.size > 300) parsed.delete(parsed.keys().next().value);
    }
    return list[number % data.block];
  }

  // Rows: one per (model, triplet, sample, judge), with the record of each side.
  const rows = [];
  {
    const byKey = new Map();
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const key = r[0] + '|' + r[1] + '|' + r[3] + '|' + r[4];
      let row = byKey.get(key);
      if (!row) {
        row = { model: r[0], triplet: r[1], sample: r[3], judge: r[4], sides: [-1, -1, -1], swing: null, order: rows.length };
        byKey.set(key, row);
        rows.push(row);
      }
      row.sides[r[2]] = i;
    }
    for (const row of rows) {
      const a = row.sides[0], b = row.sides[1];
      if (a >= 0 && b >= 0 && records[a][5] !== null && records[b][5] !== null) row.swing = records[a][5] - records[b][5];
    }
  }

  // Controls.
  const state = { model: '', side: 'all', judge: 'any', sort: 'swing', page: 0, levels: {} };
  const modelSelect = $('f-model'), sideSelect = $('f-side'), judgeSelect = $('f-judge'), sortSelect = $('f-sort');
  const option = (select, value, label) => { const o = el('option', null, label); o.value = value; select.append(o); };
  option(modelSelect, '', 'all models (' + data.models.length + ')');
  data.models.map((name, index) => [name, index]).sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)
    .forEach(([name]) => option(modelSelect, name, name));
  option(sideSelect, 'all', 'all three');
  data.sides.forEach((name, index) => option(sideSelect, String(index), name));
  const levelSelects = data.factors.map((factor, f) => {
    const label = el('label', null, factor + ' ');
    const select = el('select');
    select.id = 'f-level-' + factor;
    option(select, '', 'all');
    [...new Set(data.triplets.map(t => t[f]))].forEach(level => option(select, level, level));
    label.append(select);
    $('f-levels').append(label, ' ');
    select.addEventListener('change', () => { state.levels[factor] = select.value; state.page = 0; update(); });
    return select;
  });
  const bind = (select, key) => select.addEventListener('change', () => { state[key] = select.value; state.page = 0; update(); });
  bind(modelSelect, 'model'); bind(sideSelect, 'side'); bind(judgeSelect, 'judge'); bind(sortSelect, 'sort');

  // The address keeps the view: report.html links here with #model=<id>; every change is written back.
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    state.model = params.get('model') || '';
    state.side = params.get('side') || 'all';
    state.judge = params.get('judge') || 'any';
    state.sort = params.get('sort') || 'swing';
    state.page = Math.max(0, (parseInt(params.get('page'), 10) || 1) - 1);
    state.levels = {};
    data.factors.forEach(f => { if (params.get(f)) state.levels[f] = params.get(f); });
    modelSelect.value = state.model;
    if (modelSelect.value !== state.model) { option(modelSelect, state.model, state.model + ' (not in this run)'); modelSelect.value = state.model; }
    sideSelect.value = state.side; judgeSelect.value = state.judge; sortSelect.value = state.sort;
    data.factors.forEach((f, i) => { levelSelects[i].value = state.levels[f] || ''; });
  }
  function writeHash() {
    const params = new URLSearchParams();
    if (state.model) params.set('model', state.model);
    data.factors.forEach(f => { if (state.levels[f]) params.set(f, state.levels[f]); });
    if (state.side !== 'all') params.set('side', state.side);
    if (state.judge !== 'any') params.set('judge', state.judge);
    if (state.sort !== 'swing') params.set('sort', state.sort);
    if (state.page > 0) params.set('page', String(state.page + 1));
    const hash = params.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch {
      // Some browsers refuse to rewrite the address of a file: page; the view still works.
    }
  }

  function selected() {
    const model = state.model ? data.models.indexOf(state.model) : -1;
    if (state.model && model < 0) return [];
    const sides = state.side === 'all' ? [0, 1, 2] : [Number(state.side)];
    const levels = data.factors.map(f => state.levels[f] || '');
    const list = rows.filter(row => {
      if (model >= 0 && row.model !== model) return false;
      const levelsOfRow = data.triplets[row.triplet];
      for (let f = 0; f < levels.length; f++) if (levels[f] && levelsOfRow[f] !== levels[f]) return false;
      const present = sides.filter(s => row.sides[s] >= 0);
      if (present.length === 0) return false;
      if (state.judge === 'any') return true;
      const failed = present.some(s => records[row.sides[s]][6] === 3);
      return state.judge === 'failed' ? failed : !failed;
    });
    const byPlace = (x, y) => x.model - y.model || x.triplet - y.triplet || x.sample - y.sample || x.judge - y.judge;
    if (state.sort === 'triplet') {
      list.sort((x, y) => x.triplet - y.triplet || byPlace(x, y));
    } else {
      const sign = state.sort === 'swing-asc' ? 1 : -1;
      list.sort((x, y) => (x.swing === null) - (y.swing === null) || (x.swing === null ? 0 : sign * (x.swing - y.swing)) || byPlace(x, y));
    }
    return list;
  }

  const signed = v => (v > 0 ? '+' : v < 0 ? '\u2212' : '') + Math.abs(v).toFixed(2);

  function update() {
    const list = selected();
    const pages = Math.max(1, Math.ceil(list.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    writeHash();
    $('status').textContent = list.length.toLocaleString('en') + ' of ' + rows.length.toLocaleString('en') + ' triplet rows (' +
      records.length.toLocaleString('en') + ' answers)' +
      (data.superseded ? '; ' + data.superseded + ' superseded record(s) left out (latest per key)' : '') +
      (data.unplaced ? '; ' + data.unplaced + ' record(s) outside the scenario\u2019s triplets not shown' : '') +
      (data.malformed ? '; ' + data.malformed + ' unreadable line(s)' : '') + '.';
    const container = $('rows');
    container.replaceChildren(...list.slice(state.page * PAGE, (state.page + 1) * PAGE).map(renderRow));
    for (const pager of [$('pager-top'), $('pager-bottom')]) pager.replaceChildren(...pagerControls(pages));
    document.documentElement.dataset.ready = '1';
  }

  function pagerControls(pages) {
    const button = (label, page, disabled) => {
      const b = el('button', null, label);
      b.type = 'button';
      b.disabled = disabled;
      b.addEventListener('click', () => { state.page = page; update(); window.scrollTo(0, 0); });
      return b;
    };
    return [button('\u2190 previous', state.page - 1, state.page === 0), button('next \u2192', state.page + 1, state.page >= pages - 1),
      el('span', null, 'page ' + (state.page + 1) + ' of ' + pages)];
  }

  function renderRow(row) {
    const box = el('article', 'row');
    box.dataset.model = data.models[row.model];
    box.dataset.swing = row.swing === null ? '' : String(row.swing);
    const head = el('div', 'row-head');
    head.append(el('span', 'model', data.models[row.model]), el('span', null, 'triplet ' + row.triplet));
    data.factors.forEach((f, i) => head.append(el('span', null, f + ': ' + data.triplets[row.triplet][i])));
    head.append(el('span', null, 'sample ' + row.sample), el('span', null, 'judge ' + data.judges[row.judge]),
      el('span', 'swing', 'swing ' + (row.swing === null ? '\u2014' : signed(row.swing))));
    box.append(head);
    const sides = el('div', 'sides');
    const shown = state.side === 'all' ? [0, 1, 2] : [Number(state.side)];
    for (const s of shown) sides.append(renderSide(row, s));
    box.append(sides);
    return box;
  }

  function renderSide(row, side) {
    const column = el('section', 'side ' + SIDE_CLASS[side]);
    const index = row.sides[side];
    const head = el('div', 'side-head');
    head.append(el('strong', null, data.sides[side]), ' ');
    column.append(head);
    if (index < 0) {
      column.append(el('p', 'missing', 'no answer in the run'));
      return column;
    }
    const record = records[index];
    const [answer, error, judges, inlineMessages] = texts(record);
    if (record[5] !== null) head.append(el('span', 'score', 'score ' + signed(record[5])));
    else head.append(el('span', 'outcome-fail', OUTCOMES[record[6]]));
    head.append(el('span', 'small', ' \u00b7 line ' + record[7]));
    if (error) column.append(el('p', 'outcome-fail', error));
    const body = el('div', 'answer');
    if (answer) body.append(markdown(answer));
    else body.append(el('p', 'missing', 'empty answer'));
    column.append(body);
    for (const [judge, score, replies, errors, reasoning] of judges) {
      const details = el('details');
      details.append(el('summary', null, 'judge ' + judge + ': ' + (score === null ? 'no score' : signed(score)) +
        (replies.length > 1 ? ' (' + replies.length + ' replies)' : '')));
      replies.forEach((reply, i) => {
        details.append(el('div', 'reply', reply === null ? '(no reply)' : reply));
        if (errors && errors[i]) details.append(el('p', 'outcome-fail', errors[i]));
      });
      if (reasoning) {
        details.append(el('div', 'small', 'reasoning:'), el('div', 'reply', reasoning));
      }
      column.append(details);
    }
    const messages = inlineMessages || (record[8] >= 0 ? data.prompts[record[8]] : null);
    if (Array.isArray(messages)) {
      const question = el('details');
      question.append(el('summary', null, 'the question'));
      for (const message of messages) {
        if (!message || typeof message !== 'object') continue;
        const line = el('div', 'reply');
        line.append(el('span', 'msg-role', String(message.role) + ': '), document.createTextNode(String(message.content)));
        question.append(line);
      }
      column.append(question);
    }
    return column;
  }

  // Markdown without raw HTML: paragraphs, headings, lists, tables, quotes, code and emphasis, built as elements.
  // A '<' in an answer stays a character in a text node; links are shown as their text and address, never followed.
  function markdown(source) {
    const out = document.createDocumentFragment();
    const lines = source.replace(/\r\n?/g, '\n').split('\n');
    let i = 0;
    const isTableRule = line => /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
    const cells = line => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(c => c.trim());
    while (i < lines.length) {
      const line = lines[i];
      let m;
      if (/^\s*$/.test(line)) { i++; continue; }
      if ((m = /^\s*(```|~~~)/.exec(line))) {
        const fence = m[1];
        const code = [];
        i++;
        while (i < lines.length && !lines[i].trim().startsWith(fence)) code.push(lines[i++]);
        i++;
        const pre = el('pre');
        pre.append(el('code', null, code.join('\n')));
        out.append(pre);
        continue;
      }
      if ((m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line))) {
        const heading = el('h' + Math.min(6, m[1].length + 2));
        heading.append(inline(m[2]));
        out.append(heading);
        i++;
        continue;
      }
      if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) { out.append(el('hr')); i++; continue; }
      if (line.includes('|') && i + 1 < lines.length && isTableRule(lines[i + 1])) {
        const table = el('table');
        const headRow = el('tr');
        cells(line).forEach(c => { const th = el('th'); th.append(inline(c)); headRow.append(th); });
        const thead = el('thead');
        thead.append(headRow);
        const tbody = el('tbody');
        i += 2;
        while (i < lines.length && lines[i].includes('|') && !/^\s*$/.test(lines[i])) {
          const tr = el('tr');
          cells(lines[i]).forEach(c => { const td = el('td'); td.append(inline(c)); tr.append(td); });
          tbody.append(tr);
          i++;
        }
        table.append(thead, tbody);
        out.append(table);
        continue;
      }
      if (/^\s*>/.test(line)) {
        const quote = [];
        while (i < lines.length && /^\s*>/.test(lines[i])) quote.push(lines[i++].replace(/^\s*>\s?/, ''));
        const block = el('blockquote');
        block.append(markdown(quote.join('\n')));
        out.append(block);
        continue;
      }
      const item = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;
      if ((m = item.exec(line))) {
        const ordered = /\d/.test(m[1]);
        const list = el(ordered ? 'ol' : 'ul');
        while (i < lines.length && (m = item.exec(lines[i])) && /\d/.test(m[1]) === ordered) {
          const li = el('li');
          li.append(inline(m[2]));
          list.append(li);
          i++;
        }
        out.append(list);
        continue;
      }
      const paragraph = el('p');
      const parts = [];
      while (i < lines.length && !/^\s*$/.test(lines[i]) && !/^\s*(```|~~~|#{1,6}\s|>|([-*+]|\d{1,9}[.)])\s)/.test(lines[i]) &&
        !/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(lines[i]) && !(lines[i].includes('|') && i + 1 < lines.length && isTableRule(lines[i + 1]))) {
        parts.push(lines[i++]);
      }
      if (parts.length === 0) parts.push(lines[i++]);
      parts.forEach((part, k) => {
        const hard = /( {2,}|\\)$/.test(part);
        paragraph.append(inline(part.replace(/( {2,}|\\)$/, '')));
        if (k < parts.length - 1) paragraph.append(hard ? el('br') : document.createTextNode(' '));
      });
      out.append(paragraph);
    }
    return out;
  }

  function inline(text) {
    const out = document.createDocumentFragment();
    // Underscores inside words (snake_case, window.__x) are not emphasis, as in CommonMark.
    const pattern = /(`+)([^`]+?)\1|\*\*(\S(?:.*?\S)?)\*\*|(?<![\p{L}\p{N}_])__(\S(?:.*?\S)?)__(?![\p{L}\p{N}_])|\*([^*\s](?:[^*]*[^*\s])?)\*|\[([^\]]+)\]\(([^)\s]+)\)/gu;
    let last = 0, m;
    while ((m = pattern.exec(text))) {
      if (m.index > last) out.append(document.createTextNode(text.slice(last, m.index)));
      if (m[2] !== undefined) out.append(el('code', null, m[2]));
      else if (m[3] !== undefined || m[4] !== undefined) { const b = el('strong'); b.append(inline(m[3] ?? m[4])); out.append(b); }
      else if (m[5] !== undefined) { const e = el('em'); e.append(inline(m[5])); out.append(e); }
      else { out.append(document.createTextNode(m[6] + ' (' + m[7] + ')')); }
      last = pattern.lastIndex;
    }
    if (last < text.length) out.append(document.createTextNode(text.slice(last)));
    return out;
  }

  readHash();
  update();
  window.addEventListener('hashchange', () => { readHash(); update(); });
})();
