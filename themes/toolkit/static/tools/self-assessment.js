// Self-assessment (innovation readiness): a form of statements, scored per stage.
// The answers live in the address's fragment (#a=0123-...: one digit per statement, '-' for no
// answer), so a result can be bookmarked or shared; the fragment is never sent to a server and
// nothing else is stored or sent. No framework, no eval, no HTML strings.
(function () {
  'use strict';

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function init(root) {
    if (root.getAttribute('data-assessment-ready')) return;
    root.setAttribute('data-assessment-ready', 'true');
    var app = root.querySelector('template[data-assessment-app]');
    var results = root.querySelector('[data-assessment-results]');
    if (!app || !results) return;
    var count = parseInt(root.getAttribute('data-assessment-statements'), 10);
    var points = parseInt(root.getAttribute('data-assessment-points'), 10);
    var bands = JSON.parse(root.getAttribute('data-assessment-bands') || '[]');
    var stages = Array.prototype.map.call(root.querySelectorAll('template[data-assessment-stage]'), function (t) {
      return {
        template: t,
        order: parseInt(t.getAttribute('data-assessment-order'), 10),
        count: parseInt(t.getAttribute('data-assessment-count'), 10)
      };
    });

    var nojs = root.querySelector('[data-assessment-nojs]');
    if (nojs) nojs.hidden = true;
    results.parentNode.insertBefore(app.content.cloneNode(true), results);
    var form = root.querySelector('[data-assessment-form]');
    var error = root.querySelector('[data-assessment-error]');

    function answers() {
      var out = [];
      for (var i = 0; i < count; i++) {
        var checked = form.querySelector('input[name="q' + i + '"]:checked');
        out.push(checked ? parseInt(checked.value, 10) : null);
      }
      return out;
    }

    function encode(list) {
      return list.map(function (a) { return a === null ? '-' : String(a); }).join('');
    }

    function decode(hash) {
      var m = /(?:^#|&)a=([0-9-]+)/.exec(hash);
      if (!m || m[1].length !== count) return null;
      return m[1].split('').map(function (c) {
        var n = c === '-' ? null : parseInt(c, 10);
        return n !== null && n < points ? n : null;
      });
    }

    function setAnswers(list) {
      list.forEach(function (a, i) {
        Array.prototype.forEach.call(form.querySelectorAll('input[name="q' + i + '"]'), function (input) {
          input.checked = a !== null && parseInt(input.value, 10) === a;
        });
      });
    }

    function url(list) {
      return location.pathname + location.search + '#a=' + encode(list);
    }

    function band(score) {
      var label = '';
      bands.forEach(function (b) { if (score >= b.min) label = b.label; });
      return label;
    }

    function clearError() {
      error.hidden = true;
      error.replaceChildren();
      Array.prototype.forEach.call(form.querySelectorAll('.assessment__statement--missing'), function (f) {
        f.classList.remove('assessment__statement--missing');
      });
    }

    function showMissing(list) {
      clearError();
      var missing = [];
      list.forEach(function (a, i) { if (a === null) missing.push(i); });
      error.className = 'assessment__error tool-error';
      var title = el('h3', 'tool-error__title', 'Answer every statement to see your results');
      var p = el('p', '', missing.length === 1 ? '1 statement has no answer yet:' : missing.length + ' statements have no answer yet:');
      var ul = el('ul');
      missing.forEach(function (i) {
        var fieldset = document.getElementById('assessment-q' + i);
        fieldset.classList.add('assessment__statement--missing');
        var a = el('a', '', fieldset.querySelector('legend').textContent);
        a.href = '#assessment-q' + i + '-0';
        a.addEventListener('click', function (event) {
          event.preventDefault();
          document.getElementById('assessment-q' + i + '-0').focus();
        });
        var li = el('li');
        li.appendChild(a);
        ul.appendChild(li);
      });
      error.append(title, p, ul);
      error.hidden = false;
      error.focus();
    }

    function showResults(list, focus) {
      clearError();
      var scored = [];
      var k = 0;
      stages.forEach(function (s) {
        var score = 0;
        for (var j = 0; j < s.count; j++) score += list[k + j];
        k += s.count;
        scored.push({ stage: s, score: score });
      });
      // Weakest first; a tie keeps the life-cycle order.
      scored.sort(function (a, b) { return a.score - b.score || a.stage.order - b.stage.order; });

      results.replaceChildren();
      var heading = el('h2', 'assessment__results-heading', 'Your results');
      heading.id = 'assessment-results-heading';
      heading.tabIndex = -1;
      results.appendChild(heading);
      results.appendChild(el('p', '', 'Your weakest stages come first. Start with the first one: choose one or two actions you can take in the next few months.'));
      scored.forEach(function (r) {
        var section = r.stage.template.content.cloneNode(true);
        section.querySelector('[data-assessment-score]').textContent = String(r.score);
        section.querySelector('[data-assessment-band]').textContent = band(r.score);
        results.appendChild(section);
      });
      var keep = el('p', 'assessment-link');
      keep.appendChild(document.createTextNode('To come back to this result, bookmark this page or copy this link: '));
      var link = el('a', '', location.href);
      link.href = location.href;
      keep.appendChild(link);
      keep.appendChild(document.createTextNode('. Your answers are in the link itself; they are not stored or sent anywhere.'));
      results.appendChild(keep);
      var actions = el('div', 'tool-actions');
      var print = el('button', 'button button--secondary tool-button', 'Print your results');
      print.type = 'button';
      print.addEventListener('click', function () {
        document.documentElement.classList.add('tool-print-results');
        window.print();
      });
      var change = el('button', 'button button--secondary tool-button', 'Change your answers');
      change.type = 'button';
      change.addEventListener('click', function () {
        var first = form.querySelector('input[type="radio"]:checked') || form.querySelector('input[type="radio"]');
        if (first) first.focus();
      });
      actions.append(print, change);
      results.appendChild(actions);
      results.hidden = false;
      if (focus) heading.focus();
    }

    window.addEventListener('afterprint', function () {
      document.documentElement.classList.remove('tool-print-results');
    });

    form.addEventListener('change', function () {
      history.replaceState(history.state, '', url(answers()));
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var list = answers();
      history.replaceState(history.state, '', url(list));
      if (list.indexOf(null) !== -1) {
        results.hidden = true;
        showMissing(list);
        return;
      }
      showResults(list, true);
    });

    function load() {
      var list = decode(location.hash);
      if (!list) return;
      setAnswers(list);
      if (list.indexOf(null) === -1) showResults(list, false);
    }

    window.addEventListener('hashchange', load);
    load();
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-tool="self-assessment"]'), init);
})();
