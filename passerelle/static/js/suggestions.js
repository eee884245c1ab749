// Suggested partners: filter forms marked data-autosubmit apply as soon as a choice changes
// (the submit button stays for keyboards and browsers without JavaScript).
document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
  form.addEventListener("change", () => form.requestSubmit());
});
