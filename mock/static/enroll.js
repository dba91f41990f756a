// STEP2/STEP3 of the issuance site. The key pair is made here with WebCrypto and only a
// certification request (PKCS#10, built with node-forge's browser bundle) leaves the page;
// the private key stays in this document's memory. Leaving the page between 発行 and STEP3
// therefore loses the certificate, exactly as the STEP2 warning says (ISS-INTERRUPT).
(function () {
  var step2 = document.getElementById('step2');
  var step3 = document.getElementById('step3');
  var csp = document.getElementById('csp');
  var keyLength = document.getElementById('keyLength');
  var issueButton = document.getElementById('issue');
  var backButton = document.getElementById('back');
  var errorBox = document.getElementById('step2-error');
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

  // The enrollment capability: WebCrypto key generation plus the CSR builder.
  var capable = !!(window.crypto && window.crypto.subtle && window.forge && window.isSecureContext);
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

  backButton.addEventListener('click', function () {
    history.back();
  });

  issueButton.addEventListener('click', async function () {
    if (!csp.value || !keyLength.value) {
      showError(d.failed);
      return;
    }
    issueButton.disabled = true;
    backButton.disabled = true;
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
      showError(e && e.message ? e.message : d.failed);
    }
  });

  document.getElementById('install-client').addEventListener('click', function () {
    if (!issued) return;
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
    var url = URL.createObjectURL(new Blob([bytes], { type: 'application/x-pkcs12' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = issued.commonName + '.p12';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    window.alert(d.installDone);
  });

  document.getElementById('ok').addEventListener('click', function () {
    try { sessionStorage.removeItem('scira.p12'); } catch (e) {}
    location.href = '/scira/Step4.do?t=' + encodeURIComponent(d.token);
  });
})();
