/* Bilateral meetings: drag a meeting to a free cell of the schedule grid (posts the move form; the
 * server checks every rule), refresh the live grid, print buttons. The pages work without it. */
(function () {
  "use strict";

  function enableDragAndDrop() {
    var form = document.getElementById("move-form");
    if (!form) { return; }
    var dragged = null;
    document.querySelectorAll("[data-move-url]").forEach(function (meeting) {
      meeting.addEventListener("dragstart", function (event) {
        dragged = meeting;
        meeting.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", meeting.getAttribute("data-move-url"));
      });
      meeting.addEventListener("dragend", function () {
        meeting.classList.remove("dragging");
        dragged = null;
        document.querySelectorAll(".drop-target").forEach(function (cell) { cell.classList.remove("drop-target"); });
      });
    });
    document.querySelectorAll("td[data-cell]").forEach(function (cell) {
      cell.addEventListener("dragover", function (event) {
        if (!dragged) { return; }
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        cell.classList.add("drop-target");
      });
      cell.addEventListener("dragleave", function () { cell.classList.remove("drop-target"); });
      cell.addEventListener("drop", function (event) {
        event.preventDefault();
        var url = dragged ? dragged.getAttribute("data-move-url") : event.dataTransfer.getData("text/plain");
        if (!url) { return; }
        form.setAttribute("action", url);
        form.elements.cell.value = cell.getAttribute("data-cell");
        form.submit();
      });
    });
  }

  function refreshLiveGrid() {
    var marker = document.querySelector("[data-refresh-seconds]");
    if (!marker) { return; }
    var seconds = parseInt(marker.getAttribute("data-refresh-seconds"), 10) || 60;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }

  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  enableDragAndDrop();
  refreshLiveGrid();
  printButtons();
}());
