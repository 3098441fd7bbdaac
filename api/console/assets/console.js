// Progressive enhancement only: every console page works without this file.
(function () {
  'use strict';

  // Live previews: while someone types in the draft form, ask the server for the previews
  // (the same code as the "Preview" button, nothing saved) and put them beside the form.
  var form = document.getElementById('draft-form');
  var previews = document.getElementById('previews');
  if (form && previews) {
    var timer = null;
    var asked = 0;
    var refresh = function () {
      var body = new URLSearchParams(new FormData(form));
      body.set('action', 'fragment');
      var ticket = ++asked;
      // getAttribute: the form's buttons are named "action", which shadows form.action.
      fetch(form.getAttribute('action'), { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          // An older answer arriving after a newer one is dropped.
          if (html !== null && ticket === asked) previews.innerHTML = html;
        })
        .catch(function () {});
    };
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 600);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  }

  // Progress after publishing: reload the progress part every few seconds until it says done.
  var progress = document.getElementById('progress');
  if (progress && progress.getAttribute('data-progress-done') === 'no') {
    var poll = function () {
      var url = new URL(window.location.href);
      url.searchParams.set('part', 'body');
      url.searchParams.delete('retried');
      fetch(url.toString(), { credentials: 'same-origin' })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) return;
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.firstElementChild;
          if (!fresh) return;
          progress.replaceWith(fresh);
          progress = fresh;
          if (fresh.getAttribute('data-progress-done') === 'no') setTimeout(poll, 2000);
        })
        .catch(function () {
          setTimeout(poll, 5000);
        });
    };
    setTimeout(poll, 2000);
  }
})();
