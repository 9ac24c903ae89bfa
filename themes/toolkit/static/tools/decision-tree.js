// Decision tree (route to market finder): runs the tree in place on one page.
// Without this script every answer is a link to the next step's own page. With it, the steps are
// cloned from the <template>s the generator wrote, the address follows each step (the same URLs
// as the static pages, so a reload or a shared link works), and the back button steps back.
// Nothing is sent anywhere. No framework, no eval, no HTML strings.
(function () {
  'use strict';

  function plainClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  function normalise(path) {
    return path.replace(/index\.html$/, '');
  }

  function init(root) {
    if (root.getAttribute('data-tree-ready')) return;
    root.setAttribute('data-tree-ready', 'true');
    var panel = root.querySelector('[data-tree-panel]');
    var pathBox = root.querySelector('[data-tree-path]');
    var pathList = pathBox ? pathBox.querySelector('ol') : null;
    var start = root.getAttribute('data-tree-start');
    var home = root.getAttribute('data-tree-home');
    var homeTitle = root.getAttribute('data-tree-home-title');
    var templates = {};
    var byUrl = {};
    Array.prototype.forEach.call(root.querySelectorAll('template[data-tree-node]'), function (t) {
      var id = t.getAttribute('data-tree-node');
      templates[id] = t;
      byUrl[normalise(t.getAttribute('data-tree-url'))] = id;
    });
    if (!panel || !templates[start]) return;

    var current = panel.querySelector('[data-tree-step]');
    var state = {
      node: current ? current.getAttribute('data-tree-step') : start,
      answers: []
    };

    function showPath(answers) {
      if (!pathBox || !pathList) return;
      pathList.replaceChildren();
      answers.forEach(function (a) {
        var li = document.createElement('li');
        var q = document.createElement('span');
        q.className = 'tree-path__question';
        q.textContent = a.question + ': ';
        li.appendChild(q);
        li.appendChild(document.createTextNode(a.answer));
        pathList.appendChild(li);
      });
      pathBox.hidden = answers.length === 0;
    }

    function show(node, answers, focus) {
      var t = templates[node];
      if (!t) return;
      panel.replaceChildren(t.content.cloneNode(true));
      // The tool page shows the start question under the page's own title.
      var onHome = normalise(location.pathname) === normalise(home);
      document.title = onHome && node === start ? homeTitle : t.getAttribute('data-tree-title');
      showPath(answers);
      if (focus) {
        var heading = panel.querySelector('h2');
        if (heading) heading.focus();
      }
    }

    root.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[data-tree-next]') : null;
      if (!link || !root.contains(link) || !plainClick(event)) return;
      var next = link.getAttribute('data-tree-next');
      if (!templates[next]) return;
      event.preventDefault();
      var answers = state.answers.slice();
      if (next === start) {
        answers = [];
      } else {
        var from = templates[state.node];
        answers.push({
          question: from ? from.getAttribute('data-tree-label') : '',
          answer: link.textContent
        });
      }
      state = { node: next, answers: answers };
      history.pushState({ tree: state }, '', templates[next].getAttribute('data-tree-url'));
      show(next, answers, true);
    });

    window.addEventListener('popstate', function (event) {
      var s = event.state && event.state.tree;
      if (!s) {
        // An entry the script did not make, such as a jump to an anchor: keep the step if it is the same.
        var id = byUrl[normalise(location.pathname)] || start;
        if (id === state.node) return;
        s = { node: id, answers: [] };
      }
      state = s;
      show(state.node, state.answers, true);
    });

    history.replaceState({ tree: state }, '', location.href);
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-tool="decision-tree"]'), init);
})();
