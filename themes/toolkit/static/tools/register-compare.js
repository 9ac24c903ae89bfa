// Contract register collaboration finder. Reads contract registers (CSV) chosen by the reader,
// maps their columns (asking when a header is not recognised), keeps the contracts ending in the
// window, groups them, and flags pairs from different registers with the same supplier or the
// same kind of contract ending close together. Everything happens here: the files are never
// uploaded. No framework, no eval, no HTML strings.
(function () {
  'use strict';

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

  // ---------------------------------------------------------------- reading CSV

  /** RFC 4180 with the usual leniency: quoted fields may hold commas, quotes ("") and line breaks;
   *  CRLF, LF or CR end a record; a byte-order mark is dropped. Each record keeps its row number
   *  (row 1 is the header, as in a spreadsheet). */
  function parseCsv(text) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var records = [];
    var fields = [];
    var field = '';
    var quoted = false;
    var wasQuoted = false;
    var row = 1;
    var i = 0;
    var n = text.length;
    function endRecord() {
      fields.push(field);
      records.push({ row: row, fields: fields, blank: fields.length === 1 && field === '' && !wasQuoted });
      fields = [];
      field = '';
      wasQuoted = false;
      row++;
    }
    while (i < n) {
      var c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          quoted = false; i++; continue;
        }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; wasQuoted = true; i++; continue; }
      if (c === ',') { fields.push(field); field = ''; wasQuoted = false; i++; continue; }
      if (c === '\r' || c === '\n') {
        endRecord();
        i += (c === '\r' && text[i + 1] === '\n') ? 2 : 1;
        continue;
      }
      field += c; i++;
    }
    if (quoted) {
      fields.push(field);
      records.push({ row: row, fields: fields, unclosed: true });
    } else if (field !== '' || fields.length > 0 || wasQuoted) {
      endRecord();
    }
    return records;
  }

  /** DD/MM/YYYY (also D/M/YYYY, with '-' or '.') or YYYY-MM-DD, optionally followed by a time.
   *  Returns a UTC Date, or null when the text is not one of these or not a real date. */
  function parseDate(text) {
    var s = text.trim();
    var y, m, d, match;
    if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) {
      y = +match[1]; m = +match[2]; d = +match[3];
    } else if ((match = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})(?: .*)?$/.exec(s))) {
      d = +match[1]; m = +match[2]; y = +match[3];
    } else {
      return null;
    }
    var date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return date;
  }

  function addMonths(date, months) {
    var y = date.getUTCFullYear();
    var m = date.getUTCMonth() + months;
    var target = new Date(Date.UTC(y, m, 1));
    var last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(date.getUTCDate(), last));
    return target;
  }

  function formatDate(date) {
    return date.getUTCDate() + ' ' + MONTHS[date.getUTCMonth()] + ' ' + date.getUTCFullYear();
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  /** The same rule as normalise_header in generator/tools/register_compare.cpp. */
  function normalise(s) {
    var out = '';
    var space = false;
    for (var i = 0; i < s.length; i++) {
      var ch = s[i];
      var code = s.charCodeAt(i);
      var lower = ch.toLowerCase();
      var word = (lower >= 'a' && lower <= 'z') || (ch >= '0' && ch <= '9') || code >= 0x80;
      if (!word) { space = out !== ''; continue; }
      if (space) out += ' ';
      space = false;
      out += code < 0x80 ? lower : ch;
    }
    return out;
  }

  /** "Today": the reader's date, or ?today=YYYY-MM-DD (used by the tests). */
  function today() {
    var param = /[?&]today=(\d{4}-\d{2}-\d{2})/.exec(location.search);
    var fixed = param ? parseDate(param[1]) : null;
    if (fixed) return fixed;
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function cells(tr, tag, values) {
    values.forEach(function (v) {
      var c = el(tag, '', v);
      if (tag === 'th') c.scope = 'col';
      tr.appendChild(c);
    });
  }

  /** Wide tables scroll sideways inside a region that keyboard users can focus and scroll. */
  function scrollBox(label) {
    var wrap = el('section', 'tool-table-scroll');
    wrap.tabIndex = 0;
    wrap.setAttribute('aria-label', label + ' (scrolls sideways)');
    return wrap;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  // ---------------------------------------------------------------- the finder

  function init(root) {
    if (root.getAttribute('data-registers-ready')) return;
    root.setAttribute('data-registers-ready', 'true');
    var config = JSON.parse(root.getAttribute('data-registers-config'));
    var app = root.querySelector('template[data-registers-app]');
    if (!app) return;
    var nojs = root.querySelector('[data-registers-nojs]');
    if (nojs) nojs.hidden = true;
    var examples = root.querySelector('.registers__examples');
    root.insertBefore(app.content.cloneNode(true), examples || null);
    var form = root.querySelector('[data-registers-form]');
    var input = form.querySelector('input[type="file"]');
    var status = root.querySelector('[data-registers-status]');
    var mappingBox = root.querySelector('[data-registers-mapping]');
    var resultsBox = root.querySelector('[data-registers-results]');
    var columns = config.columns;
    var groupOf = {};
    config.categoryGroups.forEach(function (g) {
      g.terms.forEach(function (t) { groupOf[t] = g.name; });
    });
    var suffixes = {};
    config.supplierSuffixes.forEach(function (s) { suffixes[s] = true; });
    var registers = [];

    function showError(box, title, items) {
      var div = el('div', 'tool-error');
      div.tabIndex = -1;
      div.setAttribute('role', 'alert');
      div.appendChild(el('h3', 'tool-error__title', title));
      var ul = el('ul');
      items.forEach(function (t) { ul.appendChild(el('li', '', t)); });
      div.appendChild(ul);
      box.insertBefore(div, box.firstChild);
      div.focus();
    }

    function autoMap(headers) {
      var map = {};
      var keys = headers.map(normalise);
      columns.forEach(function (c) {
        map[c.id] = -1;
        for (var k = 0; k < keys.length; k++) {
          if (c.synonyms.indexOf(keys[k]) !== -1) { map[c.id] = k; break; }
        }
      });
      return map;
    }

    function needsConfirming(reg) {
      return columns.some(function (c) { return c.required && reg.map[c.id] === -1; });
    }

    function registerName(reg) {
      var k = reg.map.organisation;
      if (k !== undefined && k >= 0) {
        for (var r = 1; r < reg.records.length; r++) {
          var v = (reg.records[r].fields[k] || '').trim();
          if (v) return v;
        }
      }
      return reg.file.replace(/\.csv$/i, '');
    }

    // ---- step 2: confirm the columns

    function showMapping(focus) {
      resultsBox.hidden = true;
      mappingBox.replaceChildren();
      var heading = el('h2', '', 'Check the columns');
      heading.id = 'registers-mapping-heading';
      heading.tabIndex = -1;
      mappingBox.appendChild(heading);
      mappingBox.appendChild(el('p', '', 'Choose which column of each file holds each piece of information. Columns marked “needed” must be chosen; leave the others as “not in this file” if a register does not have them.'));
      var mapForm = el('form');
      mapForm.noValidate = true;
      registers.forEach(function (reg, r) {
        var fs = el('fieldset');
        fs.appendChild(el('legend', '', 'Columns in ' + reg.file));
        var nameRow = el('div', 'registers__map-row');
        var nameLabel = el('label', 'tool-label', 'Name of this register');
        nameLabel.htmlFor = 'registers-name-' + r;
        var name = el('input', 'tool-text');
        name.type = 'text';
        name.id = 'registers-name-' + r;
        name.value = reg.name;
        name.setAttribute('data-register', String(r));
        nameRow.append(nameLabel, name);
        fs.appendChild(nameRow);
        columns.forEach(function (c) {
          var row = el('div', 'registers__map-row');
          var id = 'registers-map-' + r + '-' + c.id;
          var label = el('label', 'tool-label', c.label + (c.required ? ' (needed)' : ''));
          label.htmlFor = id;
          var select = el('select', 'tool-select');
          select.id = id;
          select.setAttribute('data-register', String(r));
          select.setAttribute('data-column', c.id);
          var none = el('option', '', 'Not in this file');
          none.value = '-1';
          select.appendChild(none);
          reg.headers.forEach(function (h, k) {
            var o = el('option', '', h.trim() || '(column ' + (k + 1) + ', no header)');
            o.value = String(k);
            select.appendChild(o);
          });
          select.value = String(reg.map[c.id]);
          row.append(label, select);
          fs.appendChild(row);
        });
        mapForm.appendChild(fs);
      });
      var button = el('button', 'button tool-button', 'Use these columns');
      button.type = 'submit';
      mapForm.appendChild(button);
      mapForm.addEventListener('submit', function (event) {
        event.preventDefault();
        var problems = [];
        Array.prototype.forEach.call(mapForm.querySelectorAll('select'), function (s) {
          registers[+s.getAttribute('data-register')].map[s.getAttribute('data-column')] = parseInt(s.value, 10);
        });
        Array.prototype.forEach.call(mapForm.querySelectorAll('input[type="text"]'), function (t) {
          var reg = registers[+t.getAttribute('data-register')];
          reg.name = t.value.trim() || reg.file;
        });
        registers.forEach(function (reg) {
          columns.forEach(function (c) {
            if (c.required && reg.map[c.id] === -1) problems.push('Choose the ' + c.label.toLowerCase() + ' column for ' + reg.file + '.');
          });
        });
        var old = mappingBox.querySelector('.tool-error');
        if (old) old.remove();
        if (problems.length) {
          showError(mappingBox, 'Some needed columns are not chosen', problems);
          return;
        }
        mappingBox.hidden = true;
        analyse();
      });
      mappingBox.appendChild(mapForm);
      mappingBox.hidden = false;
      if (focus) heading.focus();
    }

    // ---- step 3: the analysis

    function supplierKey(name) {
      var words = normalise(name).split(' ').filter(function (w) { return w && !suffixes[w]; });
      return words.length ? words.join(' ') : normalise(name);
    }

    function categoryOf(text) {
      var key = normalise(text);
      if (!key) return null;
      if (groupOf[key]) return { key: 'group:' + groupOf[key], label: groupOf[key] };
      return { key: key, label: text.trim() };
    }

    function contractsOf(reg, r, bad) {
      var out = [];
      var m = reg.map;
      var width = reg.headers.length;
      function get(fields, id) {
        var k = m[id];
        return k !== undefined && k >= 0 ? (fields[k] || '').trim() : '';
      }
      for (var i = 1; i < reg.records.length; i++) {
        var rec = reg.records[i];
        if (rec.blank) continue;
        var where = reg.name + ', row ' + rec.row + ': ';
        if (rec.unclosed) { bad.push(where + 'a quoted field is never closed (a " is missing).'); continue; }
        if (rec.fields.length !== width) {
          bad.push(where + 'it has ' + plural(rec.fields.length, 'field', 'fields') + ' but the header has ' + width +
            (rec.fields.length > width ? ' (is there a comma that should be inside quotes?).' : '.'));
          continue;
        }
        var supplier = get(rec.fields, 'supplier');
        var endText = get(rec.fields, 'end_date');
        if (!supplier) { bad.push(where + 'there is no supplier.'); continue; }
        if (!endText) { bad.push(where + 'there is no end date.'); continue; }
        var end = parseDate(endText);
        if (!end) {
          bad.push(where + 'the end date “' + endText + '” is not a real date written as DD/MM/YYYY or YYYY-MM-DD.');
          continue;
        }
        out.push({
          register: r,
          registerName: reg.name,
          row: rec.row,
          reference: get(rec.fields, 'reference'),
          title: get(rec.fields, 'title'),
          supplier: supplier,
          supplierKey: supplierKey(supplier),
          category: categoryOf(get(rec.fields, 'category')),
          end: end,
          value: get(rec.fields, 'value')
        });
      }
      return out;
    }

    function findPairs(list, within) {
      var pairs = [];
      for (var i = 0; i < list.length; i++) {
        for (var j = i + 1; j < list.length; j++) {
          var a = list[i], b = list[j];
          if (a.register === b.register) continue;
          var lo = addMonths(a.end, -within), hi = addMonths(a.end, within);
          if (b.end < lo || b.end > hi) continue;
          var why = [];
          if (a.supplierKey && a.supplierKey === b.supplierKey) why.push('same supplier');
          if (a.category && b.category && a.category.key === b.category.key) why.push('same kind of contract');
          if (!why.length) continue;
          if (a.register > b.register) { var t = a; a = b; b = t; }
          var reason = why.join(' and ');
          pairs.push({ a: a, b: b, why: reason.charAt(0).toUpperCase() + reason.slice(1), days: Math.round(Math.abs(b.end - a.end) / 86400000) });
        }
      }
      pairs.sort(function (x, y) { return x.a.end - y.a.end || x.a.row - y.a.row || x.b.row - y.b.row; });
      return pairs;
    }

    function describe(c) {
      var parts = c.registerName + ': ' + (c.title || c.reference || 'row ' + c.row);
      return parts + ' (' + c.supplier + '), ends ' + formatDate(c.end);
    }

    function groupTable(caption, list, keyOf, labelOf) {
      var groups = {};
      var order = [];
      list.forEach(function (c) {
        var k = keyOf(c);
        if (!k) k = '';
        if (!groups[k]) { groups[k] = { label: labelOf(c) || 'No category given', items: [] }; order.push(k); }
        groups[k].items.push(c);
      });
      order.sort(function (x, y) { return groups[x].label.localeCompare(groups[y].label, 'en-GB'); });
      var wrap = scrollBox(caption);
      var table = el('table', 'tool-table');
      table.appendChild(el('caption', '', caption));
      var thead = el('thead');
      var tr = el('tr');
      cells(tr, 'th', ['Register', 'Contract', 'Supplier', 'Category', 'Ends', 'Value']);
      thead.appendChild(tr);
      table.appendChild(thead);
      order.forEach(function (k) {
        var g = groups[k];
        var regs = {};
        g.items.forEach(function (c) { regs[c.register] = true; });
        var nregs = Object.keys(regs).length;
        var tbody = el('tbody');
        var head = el('tr');
        var th = el('th', '', g.label + ' (' + plural(g.items.length, 'contract', 'contracts') + ', ' +
          plural(nregs, 'register', 'registers') + ')');
        th.scope = 'rowgroup';
        th.colSpan = 6;
        head.appendChild(th);
        tbody.appendChild(head);
        g.items.sort(function (x, y) { return x.end - y.end; });
        g.items.forEach(function (c) {
          var row = el('tr');
          cells(row, 'td', [c.registerName, c.title || c.reference || '', c.supplier, c.category ? c.category.label : '',
            formatDate(c.end), c.value]);
          tbody.appendChild(row);
        });
        table.appendChild(tbody);
      });
      wrap.appendChild(table);
      return wrap;
    }

    // CSV out: every field quoted; a leading = + - @ is defused so a spreadsheet shows it as text.
    function csvField(v) {
      var s = String(v === undefined || v === null ? '' : v);
      if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
      return '"' + s.replace(/"/g, '""') + '"';
    }

    function download(name, rows) {
      var text = '\ufeff' + rows.map(function (r) { return r.map(csvField).join(','); }).join('\r\n') + '\r\n';
      var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      var a = el('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    function contractRow(c) {
      return [c.registerName, c.row, c.reference, c.title, c.supplier, c.category ? c.category.label : '', isoDate(c.end), c.value];
    }

    function analyse() {
      var now = today();
      var from = addMonths(now, config.windowFrom);
      var to = addMonths(now, config.windowTo);
      var bad = [];
      var all = [];
      registers.forEach(function (reg, r) { all = all.concat(contractsOf(reg, r, bad)); });
      var inWindow = all.filter(function (c) { return c.end >= from && c.end <= to; });
      var pairs = findPairs(inWindow, config.matchWithin);

      resultsBox.replaceChildren();
      var heading = el('h2', '', 'What the finder found');
      heading.id = 'registers-results-heading';
      heading.tabIndex = -1;
      resultsBox.appendChild(heading);
      resultsBox.appendChild(el('p', 'registers__summary',
        'Read ' + plural(registers.length, 'register', 'registers') + ' with ' + plural(all.length, 'contract', 'contracts') + '. ' +
        plural(inWindow.length, 'contract ends', 'contracts end') + ' between ' + formatDate(from) + ' and ' + formatDate(to) +
        ' (' + config.windowFrom + ' to ' + config.windowTo + ' months from today, ' + formatDate(now) + '). ' +
        plural(pairs.length, 'possible match', 'possible matches') + '. ' +
        (bad.length ? plural(bad.length, 'row', 'rows') + ' could not be read.' : 'Every row was read.')));

      var names = el('p', '', 'Registers: ' + registers.map(function (r) { return r.name + ' (' + r.file + ')'; }).join(', ') + '. ');
      var change = el('button', 'button button--secondary tool-button', 'Change the columns');
      change.type = 'button';
      change.addEventListener('click', function () { showMapping(true); });
      resultsBox.appendChild(names);
      resultsBox.appendChild(change);

      if (bad.length) {
        var badBox = el('div', 'registers__bad');
        badBox.appendChild(el('h3', '', 'Rows that could not be read'));
        badBox.appendChild(el('p', '', 'These rows are left out of the results. Fix them in the file and choose it again. Row 1 is the header.'));
        var ul = el('ul', 'registers__bad-list');
        bad.forEach(function (b) { ul.appendChild(el('li', '', b)); });
        badBox.appendChild(ul);
        resultsBox.appendChild(badBox);
      }

      resultsBox.appendChild(el('h3', '', 'Possible joint procurements'));
      if (registers.length < 2) {
        resultsBox.appendChild(el('p', '', 'Choose at least two registers to find contracts that could be bought together.'));
      } else if (!pairs.length) {
        resultsBox.appendChild(el('p', '', 'No two registers have the same supplier or the same kind of contract ending within ' +
          plural(config.matchWithin, 'month', 'months') + ' of each other in this window.'));
      } else {
        resultsBox.appendChild(el('p', '', 'Each row is a pair of contracts from different registers with the same supplier or the same kind of contract, ending within ' +
          plural(config.matchWithin, 'month', 'months') + ' of each other. Check each one against the original files.'));
        var wrap = scrollBox('Pairs of contracts that could be bought together');
        var table = el('table', 'tool-table registers__pairs');
        table.appendChild(el('caption', '', 'Pairs of contracts that could be bought together'));
        var thead = el('thead');
        var tr = el('tr');
        cells(tr, 'th', ['Why', 'First contract', 'Second contract', 'Apart']);
        thead.appendChild(tr);
        table.appendChild(thead);
        var tbody = el('tbody');
        pairs.forEach(function (p) {
          var row = el('tr');
          row.setAttribute('data-pair', (p.a.reference || p.a.row) + '|' + (p.b.reference || p.b.row));
          cells(row, 'td', [p.why, describe(p.a), describe(p.b), plural(p.days, 'day', 'days')]);
          tbody.appendChild(row);
        });
        table.appendChild(tbody);
        wrap.appendChild(table);
        resultsBox.appendChild(wrap);
      }

      if (inWindow.length) {
        resultsBox.appendChild(el('h3', '', 'Contracts ending in the window, by category'));
        resultsBox.appendChild(groupTable('Contracts by category', inWindow,
          function (c) { return c.category ? c.category.key : ''; },
          function (c) { return c.category ? c.category.label : ''; }));
        resultsBox.appendChild(el('h3', '', 'Contracts ending in the window, by supplier'));
        resultsBox.appendChild(groupTable('Contracts by supplier', inWindow,
          function (c) { return c.supplierKey; },
          function (c) { return c.supplier; }));
      } else {
        resultsBox.appendChild(el('p', '', 'No contract in these registers ends in the window.'));
      }

      var actions = el('div', 'tool-actions');
      var dlPairs = el('button', 'button button--secondary tool-button', 'Download the matches (CSV)');
      dlPairs.type = 'button';
      dlPairs.addEventListener('click', function () {
        var rows = [['Why', 'Days apart', 'Register 1', 'Row 1', 'Reference 1', 'Title 1', 'Supplier 1', 'Category 1', 'End date 1', 'Value 1',
          'Register 2', 'Row 2', 'Reference 2', 'Title 2', 'Supplier 2', 'Category 2', 'End date 2', 'Value 2']];
        pairs.forEach(function (p) { rows.push([p.why, p.days].concat(contractRow(p.a), contractRow(p.b))); });
        download('collaboration-finder-matches.csv', rows);
      });
      var dlAll = el('button', 'button button--secondary tool-button', 'Download the contracts in the window (CSV)');
      dlAll.type = 'button';
      dlAll.addEventListener('click', function () {
        var rows = [['Register', 'Row', 'Reference', 'Title', 'Supplier', 'Category', 'End date', 'Value']];
        inWindow.forEach(function (c) { rows.push(contractRow(c)); });
        download('collaboration-finder-contracts.csv', rows);
      });
      actions.append(dlPairs, dlAll);
      resultsBox.appendChild(actions);
      resultsBox.hidden = false;
      status.textContent = 'Results are ready: ' + plural(pairs.length, 'possible match', 'possible matches') +
        (bad.length ? ', ' + plural(bad.length, 'row', 'rows') + ' could not be read.' : '.');
      heading.focus();
    }

    // ---- step 1: read the files

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var old = form.querySelector('.tool-error');
      if (old) old.remove();
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) {
        showError(form, 'Choose a file', ['Choose at least one contract register (a CSV file).']);
        return;
      }
      status.textContent = 'Reading ' + plural(files.length, 'file', 'files') + '…';
      Promise.all(files.map(function (f) { return f.text(); })).then(function (texts) {
        var problems = [];
        registers = [];
        texts.forEach(function (text, k) {
          var records = parseCsv(text);
          while (records.length && records[0].blank) records.shift();
          if (!records.length) { problems.push(files[k].name + ' is empty.'); return; }
          var reg = { file: files[k].name, records: records, headers: records[0].fields };
          reg.map = autoMap(reg.headers);
          reg.name = registerName(reg);
          registers.push(reg);
        });
        if (problems.length) {
          status.textContent = '';
          showError(form, 'There is a problem with the files', problems);
          return;
        }
        if (registers.some(needsConfirming)) {
          status.textContent = 'Some columns need checking.';
          showMapping(true);
        } else {
          mappingBox.hidden = true;
          analyse();
        }
      }, function () {
        status.textContent = '';
        showError(form, 'The files could not be read', ['Check that they are CSV files and try again.']);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-tool="register-compare"]'), init);
})();
