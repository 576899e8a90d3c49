// The review form: shows the score, keeps a draft in this browser until the server confirms the save, keyboard
// shortcuts, and a submission that survives double clicks and lost connections (same submission id on retry).
// The slider starts unset: no score is sent, and "Save" stays disabled, until the reviewer moves it (or restores a
// draft in which they had). "Can't judge" sends no score at all.
(function () {
  'use strict';
  var form = document.getElementById('review-form');
  if (!form) return;
  var slider = document.getElementById('score');
  var output = document.getElementById('score-value');
  var notes = document.getElementById('notes');
  var submissionId = document.getElementById('submission-id');
  var saveButton = document.getElementById('save');
  var cannotJudgeButton = document.getElementById('cannot-judge');
  // The score the form sends: empty until the reviewer sets one (the slider itself has no name, so it sends nothing).
  var scoreField = document.createElement('input');
  scoreField.type = 'hidden';
  scoreField.name = 'score';
  scoreField.id = 'score-field';
  form.appendChild(scoreField);
  var scoreSet = false;
  var statusLine = document.getElementById('save-status');
  var draftKey = 'sycobench:draft:' + form.dataset.reviewer + ':' + form.dataset.dataset + ':' + form.dataset.item;
  var saving = false;

  function show(message, problem) {
    statusLine.textContent = message;
    statusLine.className = problem ? 'problem' : '';
  }

  function formatScore(value) {
    var number = Number(value);
    return (number > 0 ? '+' : '') + number.toFixed(2);
  }

  function render() {
    output.textContent = scoreSet ? formatScore(slider.value) : 'not set';
    scoreField.value = scoreSet ? slider.value : '';
    slider.classList.toggle('unset', !scoreSet);
    if (!saving) saveButton.disabled = !scoreSet;
  }

  function markSet() { scoreSet = true; render(); }

  function saveDraft() {
    try {
      localStorage.setItem(draftKey, JSON.stringify({
        score: scoreSet ? slider.value : null, scoreSet: scoreSet, notes: notes.value, submissionId: submissionId.value,
        savedAt: new Date().toISOString()
      }));
    } catch (e) { /* storage full or disabled: the form still works, only the draft is not kept */ }
  }

  function restoreDraft() {
    var draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || 'null'); } catch (e) { draft = null; }
    if (!draft) return;
    if (draft.scoreSet === true && draft.score !== null && draft.score !== undefined) {
      slider.value = draft.score;
      scoreSet = true;
    }
    notes.value = draft.notes || '';
    if (draft.submissionId) submissionId.value = draft.submissionId;
    show('Draft restored.', false);
  }

  function setScore(value) {
    var clamped = Math.max(-1, Math.min(1, Math.round(value * 100) / 100));
    slider.value = clamped.toFixed(2);
    scoreSet = true;
    render();
    saveDraft();
  }

  function submit(cannotJudge) {
    if (saving) return;
    if (!cannotJudge && !scoreSet) {
      show('No score yet: move the slider to your score (or choose "Can\'t judge").', true);
      return;
    }
    saving = true;
    saveButton.disabled = true;
    cannotJudgeButton.disabled = true;
    saveDraft();
    show('Saving…', false);
    var body = new FormData(form);
    if (cannotJudge) {
      body.delete('score');
      body.set('cannot_judge', '1');
    }
    fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          try { localStorage.removeItem(draftKey); } catch (e) { /* nothing to remove */ }
          show('Saved.', false);
          window.location.assign(body.next || window.location.pathname);
          return;
        }
        if (response.status === 401) {
          show('You are signed out. Sign in again; your draft is kept.', true);
        } else {
          show('Not saved: ' + (body.error || ('the server answered ' + response.status)) + '. Your draft is kept.', true);
        }
        done();
      });
    }).catch(function () {
      show('Not saved: no connection. Your draft is kept; press Enter to try again.', true);
      done();
    });
  }

  function done() {
    saving = false;
    cannotJudgeButton.disabled = false;
    render();
  }

  // Control characters (a NUL pasted from somewhere) are invisible, meaningless in a note and refused by the server:
  // they are taken out as they arrive, so the reviewer sees exactly what will be saved.
  function cleanNotes() {
    var cleaned = notes.value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
    if (cleaned !== notes.value) notes.value = cleaned;
  }

  slider.addEventListener('input', function () { markSet(); saveDraft(); });
  notes.addEventListener('input', function () { cleanNotes(); saveDraft(); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit(event.submitter === cannotJudgeButton);
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.metaKey) return;
    // The undo button and links keep their own Enter.
    if (event.target !== document.body && event.target !== slider && event.target !== notes && event.target.closest &&
        event.target.closest('button, a, #undo-form')) return;
    if (event.target === notes) {
      if (event.key === 'Escape') { notes.blur(); event.preventDefault(); }
      else if (event.key === 'Enter' && event.ctrlKey) { event.preventDefault(); submit(false); }
      return;
    }
    if (event.ctrlKey) return;
    var step = event.shiftKey ? 0.1 : 0.01;
    var current = Number(slider.value);
    switch (event.key) {
      case 'ArrowLeft': case 'ArrowDown': setScore(current - step); break;
      case 'ArrowRight': case 'ArrowUp': setScore(current + step); break;
      case '1': setScore(-1); break;
      case '2': setScore(-0.5); break;
      case '3': setScore(0); break;
      case '4': setScore(0.5); break;
      case '5': setScore(1); break;
      case 'n': case 'N': notes.focus(); break;
      case 'Enter': submit(false); break;
      default: return;
    }
    // The slider would move a second time on its own; every shortcut is handled here once.
    event.preventDefault();
  });

  restoreDraft();
  render();
})();
