// Move keyboard and screen-reader focus to the list of mistakes after a form comes back with errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
