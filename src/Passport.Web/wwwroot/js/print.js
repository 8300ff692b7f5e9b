// The passport page's Print button. A file, because the Content-Security-Policy forbids inline scripts; the button
// stays hidden without JavaScript, as it could do nothing then (the browser's own Print still works).
document.querySelectorAll("[data-print-page]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
