/*
 * Figure scrubber: a forward-process contact sheet becomes one frame at a time plus a slider.
 *
 * The build writes <figure data-scrubber> with the sheet as a plain <img> (shown when JavaScript is off)
 * and a hidden slider UI. Here the sheet is used as a sprite: the view shows one cell, the native range
 * input (arrow keys, Home/End, Page Up/Down) picks the cell, and aria-valuetext plus a polite live region
 * announce t and ᾱ_t. The sheet is fetched only when the figure comes near the viewport. Nothing moves on
 * its own, so there is no motion to reduce.
 *
 * Only pages with a scrubber load this script, from their content, so Material's instant navigation runs it
 * again on each such page it swaps in. The first run subscribes to `document$`, which fires for every page
 * shown; later runs stop at once. Setup marks each figure it has enhanced, so running twice is harmless.
 */
(function () {
  "use strict";

  if (window.courseScrubberLoaded) return;
  window.courseScrubberLoaded = true;

  var READY = "scrubberReady";
  var NEAR = "300px 0px"; // start fetching a little before the figure scrolls into view

  function parseBoxes(fig) {
    try {
      var boxes = JSON.parse(fig.getAttribute("data-boxes") || "[]");
      var texts = JSON.parse(fig.getAttribute("data-texts") || "[]");
      var sheet = (fig.getAttribute("data-sheet") || "").split(" ").map(Number);
      if (!boxes.length || boxes.length !== texts.length || sheet.length !== 2) return null;
      return { boxes: boxes, texts: texts, width: sheet[0], height: sheet[1] };
    } catch (error) {
      return null; // malformed data: leave the static sheet in place
    }
  }

  // CSS sprite geometry: scale the sheet so one cell fills the view, then offset it to cell `box`.
  function spriteStyle(sheet, box) {
    var w = box[2], h = box[3];
    var px = sheet.width === w ? 0 : (box[0] / (sheet.width - w)) * 100;
    var py = sheet.height === h ? 0 : (box[1] / (sheet.height - h)) * 100;
    return {
      size: (sheet.width / w) * 100 + "% " + (sheet.height / h) * 100 + "%",
      position: px + "% " + py + "%",
    };
  }

  function whenNear(element, callback) {
    if (!("IntersectionObserver" in window)) {
      callback();
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          observer.disconnect();
          callback();
          return;
        }
      }
    }, { rootMargin: NEAR });
    observer.observe(element);
  }

  function enhance(fig) {
    if (fig.dataset[READY]) return;
    fig.dataset[READY] = "1";
    var data = parseBoxes(fig);
    var ui = fig.querySelector(".course-scrubber__ui");
    var view = fig.querySelector(".course-scrubber__view");
    var range = fig.querySelector('input[type="range"]');
    var out = fig.querySelector("output");
    var sheetImg = fig.querySelector(".course-scrubber__sheet");
    if (!data || !ui || !view || !range || !out || !sheetImg) return;

    var first = data.boxes[0];
    view.style.aspectRatio = first[2] + " / " + first[3];
    view.style.maxWidth = first[2] * 3 + "px";

    function show(index) {
      var i = Math.max(0, Math.min(data.boxes.length - 1, index | 0));
      var style = spriteStyle(data, data.boxes[i]);
      view.style.backgroundSize = style.size;
      view.style.backgroundPosition = style.position;
      range.setAttribute("aria-valuetext", data.texts[i]);
      out.textContent = data.texts[i];
      fig.setAttribute("data-frame", String(i));
    }

    range.addEventListener("input", function () {
      show(Number(range.value));
    });
    show(Number(range.value));
    ui.hidden = false;
    fig.classList.add("is-enhanced");

    // img.src is already absolute, so the URL stays right after an instant-navigation page swap.
    var url = sheetImg.src;
    whenNear(fig, function () {
      view.style.backgroundImage = 'url("' + url.replace(/"/g, "%22") + '")';
      fig.classList.add("is-loaded");
    });
  }

  function setup() {
    var figures = document.querySelectorAll("figure[data-scrubber]");
    for (var i = 0; i < figures.length; i++) enhance(figures[i]);
  }

  // On a full load this script comes with the page's content, before Material's bundle, and runs first; the
  // bundle defines document$ before DOMContentLoaded, so wait for that to subscribe for the pages swapped in later.
  function start() {
    setup();
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
  }

  if (window.document$ || document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
