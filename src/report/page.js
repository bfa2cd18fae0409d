"use strict";
(function () {
  // Outline every piece of an element (one per line it spans) for a moment.
  function flash(id) {
    document.querySelectorAll("[data-id=\"" + id + "\"]").forEach(function (e) {
      e.classList.remove("flash");
      void e.offsetWidth;
      e.classList.add("flash");
    });
  }
  function go(id) {
    var el = document.getElementById(id);
    if (!el) {
      return false;
    }
    el.scrollIntoView({ block: "center" });
    flash(id);
    return true;
  }
  // A project's row in the table scrolls to its text.
  document.querySelectorAll("tr[data-go]").forEach(function (tr) {
    tr.addEventListener("click", function (event) {
      if (go(tr.getAttribute("data-go"))) {
        event.preventDefault();
        document.querySelectorAll("tr.current").forEach(function (t) {
          t.classList.remove("current");
        });
        tr.classList.add("current");
      }
    });
  });
  // The legend turns a kind's highlight off and on.
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
  window.addEventListener("hashchange", function () {
    flash(decodeURIComponent(location.hash.slice(1)));
  });
  if (location.hash.length > 1) {
    go(decodeURIComponent(location.hash.slice(1)));
  }
})();
