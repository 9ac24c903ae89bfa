/* Innovation in Procurement Toolkit: small progressive enhancements.
   Every page works without this file. No dependencies, no eval, no inline handlers;
   each part checks that its elements exist, so a missing one is never an error. */
(function () {
  'use strict';
  var doc = document;

  function each(selector, fn, root) {
    var nodes = (root || doc).querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) fn(nodes[i], i);
  }

  /* "Is this page useful?" */
  each('[data-feedback]', function (box) {
    var prompt = box.querySelector('[data-feedback-prompt]');
    var status = box.querySelector('[data-feedback-status]');
    var thanks = 'Thank you for your feedback.';

    function say(message, done) {
      if (done && prompt) prompt.hidden = true;
      if (status) {
        status.textContent = message;
        if (done) status.focus();
      }
    }

    var yes = box.querySelector('[data-feedback-yes]');
    if (yes) {
      yes.addEventListener('click', function (event) {
        event.preventDefault();
        say(thanks, true);
      });
    }

    var form = box.querySelector('form[data-feedback-form]');
    if (!form || !window.fetch || !window.JSON) return;  // the form still posts the ordinary way
    var answer = '';
    each('button[name="useful"]', function (button) {
      button.addEventListener('click', function () { answer = button.value; });
    }, form);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var useful = (event.submitter && event.submitter.value) || answer || 'yes';
      var page = form.querySelector('input[name="page"]');
      var buttons = form.querySelectorAll('button');
      function disable(state) {
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = state;
      }
      disable(true);
      window.fetch(form.getAttribute('action'), {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ page: page ? page.value : window.location.pathname, useful: useful })
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        say(thanks, true);
      })['catch'](function () {
        disable(false);
        say('Sorry, your feedback could not be sent. Try again later, or use the link to report a problem with this page.', false);
      });
    });
  });

  /* "Print this template" */
  each('[data-print]', function (button) {
    if (!window.print) return;
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  /* Step by step: "Show all steps" / "Hide all steps" */
  each('.step-nav', function (nav) {
    var details = nav.querySelectorAll('details');
    var list = nav.querySelector('ol');
    if (details.length < 2 || !list || !('open' in details[0])) return;
    var button = doc.createElement('button');
    button.type = 'button';
    button.className = 'link-button step-nav__all';

    function allOpen() {
      for (var i = 0; i < details.length; i++) if (!details[i].open) return false;
      return true;
    }
    function update() {
      var open = allOpen();
      button.textContent = open ? 'Hide all steps' : 'Show all steps';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    button.addEventListener('click', function () {
      var open = !allOpen();
      for (var i = 0; i < details.length; i++) details[i].open = open;
      update();
    });
    for (var i = 0; i < details.length; i++) details[i].addEventListener('toggle', update);
    list.parentNode.insertBefore(button, list);
    update();
  });

  /* Tables wider than the screen scroll inside their wrapper: let keyboard users reach and scroll them */
  function headingBefore(node) {
    for (var n = node.previousElementSibling; n; n = n.previousElementSibling) {
      if (/^H[2-4]$/.test(n.tagName)) return n.textContent.replace(/\s+/g, ' ').trim();
    }
    return '';
  }
  function scrollableTables() {
    each('.table-wrap', function (wrap, i) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var heading = headingBefore(wrap);
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', 'Table ' + (i + 1) + (heading ? ': ' + heading : '') + ' (scrolls sideways)');
      } else if (wrap.hasAttribute('tabindex')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    });
  }
  if (doc.querySelector('.table-wrap')) {
    scrollableTables();
    var timer = null;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(scrollableTables, 200);
    });
  }
})();
