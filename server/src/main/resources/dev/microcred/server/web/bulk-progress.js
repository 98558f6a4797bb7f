// The console's bulk job page: follows the job's Server-Sent Events (same origin, the browser session) and
// updates the progress bar, the counts and the ETA; reloads the page when the job is finished, for its summary.
(function () {
  'use strict';
  var box = document.getElementById('bulk-progress');
  if (!box || !window.EventSource) {
    return;
  }
  function set(id, text) {
    var e = document.getElementById(id);
    if (e) {
      e.textContent = String(text);
    }
  }
  function eta(job) {
    if (job.state !== 'running') {
      return '\u2013';
    }
    if (job.etaSeconds === null || job.etaSeconds === undefined) {
      return 'working it out';
    }
    if (job.etaSeconds === 0) {
      return 'finishing';
    }
    return job.etaSeconds < 60 ? 'about ' + job.etaSeconds + ' s'
        : 'about ' + Math.ceil(job.etaSeconds / 60) + ' min';
  }
  function show(job) {
    var rows = job.rows;
    var processed = rows.issued + rows.skipped + rows.failed;
    var bar = document.getElementById('progress-bar');
    bar.max = Math.max(1, rows.valid);
    bar.value = processed;
    set('progress-text', processed + ' of ' + rows.valid + ' rows');
    set('count-issued', rows.issued);
    set('count-skipped', rows.skipped);
    set('count-failed', rows.failed);
    set('count-pending', rows.pending);
    set('rate', job.ratePerSecond + ' per second');
    set('eta', eta(job));
    set('job-state', job.state);
    box.setAttribute('data-state', job.state);
  }
  var events = new EventSource(box.getAttribute('data-events'));
  events.addEventListener('progress', function (e) {
    show(JSON.parse(e.data));
  });
  events.addEventListener('done', function (e) {
    show(JSON.parse(e.data));
    events.close();
    window.location.reload();
  });
}());
