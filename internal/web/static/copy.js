// The copy button beside the anonymous receipt code. The page works without
// it (the code is on the page to write down); with JavaScript the button
// shows and copies the code, and says so in a status message.
"use strict";
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var source = document.getElementById(button.dataset.copy);
  var status = document.querySelector('[data-copy-status="' + button.dataset.copy + '"]');
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      if (status) {
        status.textContent = button.dataset.copied;
      }
    });
  });
});
