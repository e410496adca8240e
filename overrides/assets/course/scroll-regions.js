// Wide tables and display formulas scroll sideways on a phone: make each one focusable so that a keyboard user
// can scroll it too. Material wraps tables (.md-typeset__scrollwrap) when it shows a page, hence document$.
(function () {
  function focusable() {
    for (const region of document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .math-block")) {
      if (!region.hasAttribute("tabindex")) region.tabIndex = 0;
    }
  }
  if (window.document$) window.document$.subscribe(focusable);
  else document.addEventListener("DOMContentLoaded", focusable);
})();
