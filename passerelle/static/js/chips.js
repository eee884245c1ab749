// Searchable multi-select: every <select multiple> (unless data-plain) becomes a list of removable
// chips and a search field that lists the matching options (ARIA 1.2 combobox pattern). The select
// stays in the page, hidden, and keeps the values that the form sends: without JavaScript it works as
// before. Texts come from the page (#chips-texts), in the reader's language.
(function () {
  "use strict";
  var texts = (function () {
    var node = document.getElementById("chips-texts");
    return node ? JSON.parse(node.textContent) : {};
  })();
  var MAX_SHOWN = 60;
  var counter = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    counter += 1;
    var id = "chips-" + counter;
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var box = document.createElement("div");
    box.className = "chips";
    var list = document.createElement("ul");
    list.className = "chips-chosen";
    if (label) { list.setAttribute("aria-label", label.textContent.trim()); }
    var input = document.createElement("input");
    input.type = "text";
    input.className = "chips-search";
    input.id = id + "-input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-options");
    input.setAttribute("autocomplete", "off");
    input.placeholder = texts.search || "";
    var options = document.createElement("ul");
    options.className = "chips-options";
    options.id = id + "-options";
    options.setAttribute("role", "listbox");
    options.hidden = true;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    box.appendChild(list);
    box.appendChild(input);
    box.appendChild(options);
    box.appendChild(live);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.parentNode.insertBefore(box, select.nextSibling);
    if (label) {
      label.setAttribute("for", input.id);
    }
    var active = -1;

    function say(text) { live.textContent = text; }

    function drawChosen() {
      list.textContent = "";
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.selected) { return; }
        var chip = document.createElement("li");
        chip.className = "chip";
        chip.appendChild(document.createTextNode(option.text));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.setAttribute("aria-label", (texts.remove || "Remove %s").replace("%s", option.text));
        remove.textContent = "×";
        remove.addEventListener("click", function () {
          option.selected = false;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          drawChosen();
          say((texts.removed || "%s removed").replace("%s", option.text));
          input.focus();
        });
        chip.appendChild(remove);
        list.appendChild(chip);
      });
    }

    function matches() {
      var wanted = fold(input.value.trim());
      var found = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.selected || option.value === "") { return; }
        if (!wanted || fold(option.text).indexOf(wanted) !== -1) { found.push(option); }
      });
      return found;
    }

    function close() {
      options.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      var found = matches();
      options.textContent = "";
      found.slice(0, MAX_SHOWN).forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = id + "-option-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.value = option.value;
        item.textContent = option.text;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(option); });
        options.appendChild(item);
      });
      if (!found.length) {
        var none = document.createElement("li");
        none.className = "chips-none";
        none.textContent = texts.none || "";
        options.appendChild(none);
      } else if (found.length > MAX_SHOWN) {
        var more = document.createElement("li");
        more.className = "chips-none";
        more.textContent = (texts.more || "%s more: keep typing").replace("%s", String(found.length - MAX_SHOWN));
        options.appendChild(more);
      }
      options.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function highlight(index) {
      var items = options.querySelectorAll('[role="option"]');
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
        item.classList.toggle("active", i === active);
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      option.selected = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      input.value = "";
      drawChosen();
      say((texts.added || "%s added").replace("%s", option.text));
      open();
      input.focus();
    }

    input.addEventListener("input", open);
    input.addEventListener("focus", open);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (options.hidden) { open(); } highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Enter") {
        if (options.hidden) { return; }
        event.preventDefault();
        var items = options.querySelectorAll('[role="option"]');
        var item = items[active >= 0 ? active : 0];
        if (item) {
          var option = Array.prototype.filter.call(select.options, function (o) { return o.value === item.dataset.value; })[0];
          if (option) { choose(option); }
        }
      } else if (event.key === "Escape") { close(); }
      else if (event.key === "Backspace" && input.value === "") {
        var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; });
        var last = chosen[chosen.length - 1];
        if (last) {
          last.selected = false;
          drawChosen();
          say((texts.removed || "%s removed").replace("%s", last.text));
        }
      }
    });
    drawChosen();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[multiple]:not([data-plain])"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
