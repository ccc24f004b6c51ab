// Bring the highlighted evidence sentence into view inside the article text.
(function () {
  "use strict";
  var mark = document.getElementById("evidence");
  if (mark && mark.textContent) {
    mark.scrollIntoView({ block: "center" });
  }
})();
