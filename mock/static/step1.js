// STEP1: the browser keeps the 認証情報パスワード for this tab only, to protect the PKCS#12
// it builds at STEP3 (the real enrollment control writes to the OS store instead).
// It never goes into the page or a cookie; STEP3 removes it once the file is saved.
(function () {
  var form = document.getElementById('step1');
  if (!form) return;
  form.addEventListener('submit', function () {
    try {
      sessionStorage.setItem('scira.p12', form.elements.password.value);
    } catch (e) {}
  });
})();
