// STEP2/STEP3 of the issuance site. The key pair is made here with WebCrypto and only a
// certification request (PKCS#10, built with node-forge's browser bundle) leaves the page;
// the private key stays in this document's memory. Leaving the page between 発行 and STEP3
// therefore loses the certificate, exactly as the STEP2 warning says (ISS-INTERRUPT), and
// 一つ戻る stays usable while the request runs, as on the real site.
(function () {
  var step2 = document.getElementById('step2');
  var step3 = document.getElementById('step3');
  var csp = document.getElementById('csp');
  var keyLength = document.getElementById('keyLength');
  var issueButton = document.getElementById('issue');
  var backButton = document.getElementById('back');
  var errorBox = document.getElementById('step2-error');
  var helpButton = document.getElementById('open-help');
  var help = document.getElementById('csp-help');
  var d = step2.dataset;
  var issued = null;

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
  }
  function option(select, value, label, selected) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = !!selected;
    select.appendChild(o);
  }

  // The enrollment capability (EG18-1-3): WebCrypto key generation plus the CSR builder.
  // Without it the fields stay empty, as IE's did without the enrollment control.
  var capable = !!(window.crypto && window.crypto.subtle && window.forge && window.isSecureContext);
  // TJK 【STEP1】: the web-access confirmation; いいえ → EG18-1-4.
  var allowed = false;
  if (capable) {
    allowed = window.confirm(d.confirm);
    if (!allowed) window.alert(d.cancelled);
  }
  if (capable && allowed) {
    option(csp, 'Microsoft Enhanced Cryptographic Provider v1.0', 'Microsoft Enhanced Cryptographic Provider v1.0', true);
    option(keyLength, '1024', '1024 bit', false);
    option(keyLength, '2048', '2048 bit', true);
  }

  helpButton.addEventListener('click', function () {
    help.hidden = !help.hidden;
    helpButton.setAttribute('aria-expanded', String(!help.hidden));
  });

  backButton.addEventListener('click', function () {
    history.back();
  });

  issueButton.addEventListener('click', async function () {
    errorBox.hidden = true;
    if (!csp.value || !keyLength.value) {
      showError(d.cspMissing);
      return;
    }
    // IM12 2-3 ④: the request confirmation; いいえ → EG18-1-4 as well.
    if (!window.confirm(d.request)) {
      window.alert(d.cancelled);
      return;
    }
    issueButton.disabled = true;
    try {
      var bits = Number(keyLength.value);
      var pair = await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      );
      var pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
      var privateKey = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(pkcs8)));
      var csr = forge.pki.createCertificationRequest();
      csr.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
      csr.setSubject([{ name: 'commonName', value: 'enrollment-request' }]);
      csr.sign(privateKey, forge.md.sha256.create());
      var res = await fetch('/scira/Step2.do', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          token: d.token,
          csr: forge.pki.certificationRequestToPem(csr),
          keyLength: bits,
          csp: csp.value,
        }),
      });
      var body = await res.json().catch(function () { return {}; });
      if (!res.ok) throw new Error(body.message || d.failed);
      issued = { privateKey: privateKey, certPem: body.certPem, chainPem: body.chainPem, commonName: body.commonName };
      step2.hidden = true;
      step3.hidden = false;
      history.replaceState(null, '', '/scira/Step3.do');
    } catch (e) {
      issueButton.disabled = false;
      showError(e && e.message ? e.message : d.failed);
    }
  });

  document.getElementById('install-client').addEventListener('click', function () {
    if (!issued) return;
    // IM12 2-3 ⑥: the web-access confirmation again before the certificate is stored.
    if (!window.confirm(d.confirm)) {
      window.alert(d.cancelled);
      return;
    }
    var password = sessionStorage.getItem('scira.p12') || '';
    var certs = [issued.certPem].concat(issued.chainPem).map(function (p) {
      return forge.pki.certificateFromPem(p);
    });
    var p12 = forge.pkcs12.toPkcs12Asn1(issued.privateKey, certs, password, {
      algorithm: 'aes256',
      friendlyName: issued.commonName,
    });
    var der = forge.asn1.toDer(p12).getBytes();
    var bytes = new Uint8Array(der.length);
    for (var i = 0; i < der.length; i++) bytes[i] = der.charCodeAt(i);
    // The object URL lives as long as this page; OK leaves it, which frees it.
    var url = URL.createObjectURL(new Blob([bytes], { type: 'application/x-pkcs12' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = issued.commonName + '.p12';
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.alert(d.installDone);
  });

  document.getElementById('ok').addEventListener('click', function () {
    try { sessionStorage.removeItem('scira.p12'); } catch (e) {}
    location.href = '/scira/Step4.do?t=' + encodeURIComponent(d.token);
  });
})();
