/*
 * Confirmation fields refuse pasted (and dropped) text — BS10 2-d:
 * 「※確認入力欄へは、コピー入力できません。」 A confirmation copied from a clipboard confirms
 * nothing. The field says why next to it (data-no-paste names the notice element).
 */
(function () {
  var fields = document.querySelectorAll('input[data-no-paste]');
  Array.prototype.forEach.call(fields, function (field) {
    var notice = document.getElementById(field.getAttribute('data-no-paste'));
    var refuse = function (event) {
      event.preventDefault();
      if (notice) notice.hidden = false;
    };
    field.addEventListener('paste', refuse);
    field.addEventListener('drop', refuse);
    field.addEventListener('beforeinput', function (event) {
      if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') refuse(event);
    });
  });
})();
