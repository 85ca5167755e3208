/*
 * ForbedringsABC: small enhancements on top of pages that work without JavaScript.
 * Every text the reader sees is in the page (from templates/strings.nb.yaml); this file has none.
 *  - A guide with a local film: the "Spill av fra 01:20:50" buttons (hidden until this runs)
 *    move the film to the chapter, start it and move focus to the player.
 *  - A guide's "Skriv ut samtaleark" button (hidden until this runs) opens the print dialog;
 *    the print stylesheet makes the page a discussion sheet.
 * No request leaves the site: this script loads nothing.
 */
(function () {
  "use strict";

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  var film = document.querySelector("video[data-film]");
  if (film) {
    each("button[data-seek]", function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var seconds = Number(button.getAttribute("data-seek"));
        if (!isFinite(seconds)) return;
        film.currentTime = seconds;
        film.focus();
        var playing = film.play();
        if (playing && typeof playing.catch === "function") {
          // The browser may refuse to start the sound (autoplay rules, no film file); the film
          // is at the chapter either way, and the reader can press play.
          playing.catch(function () {});
        }
      });
    });
  }

  if (typeof window.print === "function") {
    each("[data-print]", function (area) {
      area.hidden = false;
      var button = area.querySelector("button");
      if (button) button.addEventListener("click", function () { window.print(); });
    });
  }
})();
