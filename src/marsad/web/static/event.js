// Scroll each article's text box to its highlighted evidence, and the page to the report the
// visitor came from (a mention's id redirects here with #source-<id>).
(function () {
  "use strict";
  document.querySelectorAll("article.source .article-text").forEach(function (box) {
    var mark = box.querySelector("mark.evidence");
    if (!mark || !mark.textContent) return;
    var b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
    box.scrollTop += m.top - b.top - (b.height - m.height) / 2;
  });
  var requested = document.querySelector("article.source.requested");
  if (requested) requested.scrollIntoView({ block: "start" });
})();
