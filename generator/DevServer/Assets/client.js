// Live reload for the preview server (generator serve). Injected by the server only, never into site/.
(function () {
  "use strict";
  var source = new EventSource("/__abc/events");
  var version = null;
  source.addEventListener("version", function (event) {
    if (version !== null && event.data !== version) {
      window.location.reload();
    }
    version = event.data;
  });
  var dismiss = document.getElementById("abc-overlay-close");
  if (dismiss) {
    dismiss.addEventListener("click", function () {
      var overlay = document.getElementById("abc-overlay");
      if (overlay) overlay.hidden = true;
    });
  }
})();
