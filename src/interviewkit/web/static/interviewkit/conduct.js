// The live interview page: a timer per time box, and keys to move through the questions.
(function () {
  "use strict";
  var segments = Array.prototype.slice.call(document.querySelectorAll(".conduct-page section.segment"));
  var questions = Array.prototype.slice.call(document.querySelectorAll(".live-question"));
  var toggle = document.getElementById("timer-toggle");
  var next = document.getElementById("timer-next");
  var current = 0, running = false, segmentSeconds = 0, totalSeconds = 0, tick = null, focused = -1;

  function clock(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function render() {
    if (!segments.length) return;
    var segment = segments[current];
    var box = parseInt(segment.dataset.minutes, 10) * 60;
    document.getElementById("timer-segment").textContent = segment.dataset.title;
    document.getElementById("timer-box").textContent = clock(box);
    document.getElementById("timer-elapsed").textContent = clock(segmentSeconds);
    document.getElementById("timer-total").textContent = clock(totalSeconds);
    document.getElementById("timer").classList.toggle("over", segmentSeconds > box);
    segments.forEach(function (s, i) { s.classList.toggle("current", i === current); });
    toggle.textContent = running ? "Pause timer" : (totalSeconds ? "Resume timer" : "Start timer");
  }
  function startStop() {
    running = !running;
    if (running) {
      tick = setInterval(function () { segmentSeconds += 1; totalSeconds += 1; render(); }, 1000);
    } else {
      clearInterval(tick);
    }
    render();
  }
  function nextSegment() {
    if (current < segments.length - 1) { current += 1; segmentSeconds = 0; segments[current].scrollIntoView({ block: "start" }); }
    render();
  }
  function focusQuestion(index) {
    if (!questions.length) return;
    focused = Math.max(0, Math.min(questions.length - 1, index));
    questions[focused].focus();
    questions[focused].scrollIntoView({ block: "center" });
    var segment = questions[focused].closest("section.segment");
    var position = segments.indexOf(segment);
    if (position > current) { current = position; segmentSeconds = 0; render(); }
  }
  if (toggle) toggle.addEventListener("click", startStop);
  if (next) next.addEventListener("click", nextSegment);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.matches && target.matches("textarea, input, select")) {
      if (event.key === "Escape") { target.blur(); if (focused >= 0) questions[focused].focus(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var question = focused >= 0 ? questions[focused] : null;
    switch (event.key) {
      case "j": focusQuestion(focused + 1); break;
      case "k": focusQuestion(focused - 1); break;
      case "t": startStop(); break;
      case "s": nextSegment(); break;
      case "o": if (question) { var d = question.querySelector("details"); if (d) d.open = !d.open; } break;
      case "n": if (question) { var notes = question.querySelector("textarea"); if (notes) { event.preventDefault(); notes.focus(); } } break;
      default: return;
    }
  });
  render();
})();
