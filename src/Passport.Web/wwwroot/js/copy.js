// Copy buttons ("Copy the address"). A file, because the Content-Security-Policy forbids inline scripts; the button
// stays hidden without JavaScript or a clipboard, since the address can still be selected and copied by hand.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.querySelector("[data-copied-for='" + button.getAttribute("data-copy") + "']");
  if (!field || !navigator.clipboard) {
    return;
  }

  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      if (status) {
        status.textContent = button.getAttribute("data-copied-text");
      }
    }, function () {
      field.select();
    });
  });
});
