// /reports/: show only the current kind's parameters, and poll the progress of unfinished reports.
(function () {
  "use strict";

  function showKindFields(form) {
    var checked = form.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "";
    form.querySelectorAll("[data-for-kinds]").forEach(function (group) {
      var on = group.getAttribute("data-for-kinds").split(" ").indexOf(kind) !== -1;
      group.hidden = !on;
      group.querySelectorAll("input").forEach(function (input) { input.disabled = !on; });
    });
  }

  function update(item, report, labels) {
    item.setAttribute("data-status", report.status);
    item.className = item.className.replace(/status-\w+/, "status-" + report.status);
    // Only a change is written: rewriting the same words every poll makes screen readers repeat them.
    var label = item.querySelector("[data-status-label]");
    if (label.textContent !== report.status_label) { label.textContent = report.status_label; }
    var bar = item.querySelector("[data-progress]");
    var percent = item.querySelector("[data-percent]");
    if (bar) { bar.value = report.progress; bar.textContent = report.progress + " %"; }
    if (percent) { percent.textContent = report.progress + "\u00a0%"; }
    if (!report.finished) { return; }
    if (bar) { bar.remove(); }
    if (percent) { percent.remove(); }
    var action = item.querySelector("[data-action]");
    action.textContent = "";
    if (report.download_url) {
      var link = document.createElement("a");
      link.className = "button button-primary";
      link.href = report.download_url;
      link.setAttribute("download", "");
      link.textContent = labels.download + " (" + report.size_label + ")";
      action.appendChild(link);
    } else {
      var error = document.createElement("p");
      error.className = "error";
      error.textContent = report.error || labels.failed;
      action.appendChild(error);
    }
  }

  function poll(lists) {
    var items = lists.querySelectorAll("[data-report-id][data-status=queued], [data-report-id][data-status=running]");
    if (!items.length) { return; }
    var ids = {};
    items.forEach(function (item) { ids[item.getAttribute("data-report-id")] = true; });
    var query = Object.keys(ids).map(function (id) { return "id=" + encodeURIComponent(id); }).join("&");
    var labels = { download: lists.getAttribute("data-download-label"), failed: lists.getAttribute("data-failed-label") };
    fetch(lists.getAttribute("data-progress-url") + "?" + query, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { reports: [] }; })
      .then(function (data) {
        data.reports.forEach(function (report) {
          var item = lists.querySelector("[data-report-id='" + report.id + "']");
          if (item) { update(item, report, labels); }
        });
      })
      .catch(function () { /* offline for a moment: try again on the next tick */ })
      .then(function () { window.setTimeout(function () { poll(lists); }, 2000); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-report-form]");
    if (form) {
      showKindFields(form);
      form.addEventListener("change", function (event) {
        if (event.target.name === "kind") { showKindFields(form); }
      });
    }
    var lists = document.querySelector(".report-lists");
    if (lists) { window.setTimeout(function () { poll(lists); }, 1000); }
  });
})();
