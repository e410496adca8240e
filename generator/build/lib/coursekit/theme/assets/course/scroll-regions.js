// Wide tables, display formulas and code blocks scroll sideways on a phone: make each one focusable so that a
// keyboard user can scroll it too. All of them, not only those measured as overflowing now: from a lesson's second
// section on, blocks skip rendering until the reader nears them (content-visibility), so their width is not known
// here, and Material, which makes a code block focusable once it sees it overflow, never sees those. Material wraps
// tables (.md-typeset__scrollwrap) when it shows a page, hence document$.
(function () {
  function focusable() {
    for (const region of document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .math-block, .md-typeset pre > code")) {
      if (!region.hasAttribute("tabindex")) region.tabIndex = 0;
    }
  }
  if (window.document$) window.document$.subscribe(focusable);
  else document.addEventListener("DOMContentLoaded", focusable);
})();
