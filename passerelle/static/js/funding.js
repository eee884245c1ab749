// Funding pages: ask for confirmation on buttons marked data-confirm (the server acts only on POST).
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.dataset.confirm)) {
    event.preventDefault();
  }
});
