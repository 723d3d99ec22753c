// Without this transcript's QR token the page shows no personal data: the token (URL fragment or typed) is sent in a header to
// POST {page}/record, which answers with the record only when the token was made for this transcript.
// Checks the transcript QR token in the URL fragment against this page's credential (TranscriptToken.cs, version 1):
// 0x01 | len ‖ key id | len ‖ learner name | issue date (int32 BE days since 1970-01-01) | SHA-256 (32) | signature (64),
// signed over "transcripts-qr-v1" ‖ int32 BE length ‖ credential id (UTF-8) ‖ every byte before the signature.
(() => {
  'use strict';
  // The record (and the data the token is checked against) comes from the server only for this transcript's token.
  let data = null;
  const record = document.getElementById('record');
  const box = document.getElementById('qr');
  const verdict = document.getElementById('qr-verdict');
  const list = document.getElementById('qr-checks');
  const encoder = new TextEncoder();

  function show(state, text, checks) {
    box.dataset.state = state;
    verdict.textContent = text;
    list.replaceChildren(...checks.map(([ok, line]) => {
      const item = document.createElement('li');
      item.className = ok ? 'pass' : 'fail';
      item.textContent = line;
      return item;
    }));
  }

  function base64url(text) {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) { throw new Error('it is not base64url text'); }
    let b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) { b64 += '='; }
    return Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  }

  const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');

  function parse(bytes) {
    if (bytes.length < 1 || bytes[0] !== 1) { throw new Error('it is not a Transcripts token (unknown version)'); }
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let at = 1;
    const field = () => {
      const length = bytes[at];
      if (!length || at + 1 + length > bytes.length) { throw new Error('it is truncated'); }
      const value = utf8.decode(bytes.subarray(at + 1, at + 1 + length));
      at += 1 + length;
      return value;
    };
    const method = field();
    const name = field();
    if (bytes.length - at < 4 + 32) { throw new Error('it is truncated'); }
    const days = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getInt32(0, false);
    at += 4;
    const hash = hex(bytes.subarray(at, at + 32));
    at += 32;
    const signature = bytes.slice(at);
    if (signature.length !== 64) { throw new Error('its signature has the wrong length'); }
    return { method, name, date: new Date(days * 86400000).toISOString().slice(0, 10), hash, payload: bytes.slice(0, at), signature };
  }

  async function isSigned(key, token) {
    const id = encoder.encode(data.credentialId);
    const label = encoder.encode('transcripts-qr-v1');
    const message = new Uint8Array(label.length + 4 + id.length + token.payload.length);
    message.set(label, 0);
    new DataView(message.buffer).setInt32(label.length, id.length, false);
    message.set(id, label.length + 4);
    message.set(token.payload, label.length + 4 + id.length);
    const ed = key.type === 'Ed25519';
    const publicKey = await crypto.subtle.importKey('raw', base64url(key.key),
      ed ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return crypto.subtle.verify(ed ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' }, publicKey, token.signature, message);
  }

  async function check() {
    const fragment = location.hash.slice(1);
    if (!fragment) {
      show('none', 'Opened without a QR code', [[false, 'There is no QR token in this address, so nothing ties a paper copy to this page. Scan the QR code on the transcript, or type its code below, to see and check the transcript.']]);
      return;
    }
    let token;
    try {
      token = parse(base64url(fragment));
    } catch (e) {
      show('fail', 'The QR code does NOT match this transcript', [[false, 'The QR code could not be read: ' + e.message + '.']]);
      return;
    }
    const answer = await fetch(location.pathname + '/record', { method: 'POST', headers: { 'X-Transcript-Token': fragment }, cache: 'no-store' });
    if (!answer.ok) {
      record.replaceChildren();
      show('fail', 'The QR code does NOT match this transcript', [[false, answer.status === 403
        ? 'It was made for a different transcript (the fingerprint differs)' : 'This transcript is no longer shown here.']]);
      return;
    }
    const opened = await answer.json();
    data = opened.data;
    record.innerHTML = opened.html;
    const pathId = location.pathname.split('/').pop().toLowerCase();
    const checks = [
      ['urn:uuid:' + pathId === data.credentialId, 'The address names this transcript'],
      [token.hash === data.sha256, token.hash === data.sha256 ? 'It was made for exactly this signed transcript' : 'It was made for a different transcript (the fingerprint differs)'],
      [token.name.normalize('NFC') === data.learnerName.normalize('NFC'), 'Learner in the QR code: ' + token.name],
      [token.date === data.issueDate, 'Issue date in the QR code: ' + token.date],
    ];
    const key = data.keys.find(k => k.method === token.method);
    if (!key) {
      checks.push([false, 'It was signed by a key that ' + data.institution + ' does not publish']);
    } else if (!key.accepted) {
      checks.push([false, key.reason]);
    } else if (!(window.crypto && crypto.subtle)) {
      show('unknown', 'This browser cannot check the QR code', [[false, 'Signature checks need a secure (https) page and an up-to-date browser.']]);
      return;
    } else {
      let signed;
      try {
        signed = await isSigned(key, token);
      } catch (e) {
        show('unknown', 'This browser cannot check the QR code', [[false, 'It cannot check ' + key.type + ' signatures (' + e.name + '). Use an up-to-date browser or the Transcripts verifier.']]);
        return;
      }
      checks.push([signed, signed ? 'Signed with ' + data.institution + '\u2019s published key' : 'The signature is not valid: the QR code was altered or not made by ' + data.institution]);
    }
    const ok = checks.every(c => c[0]);
    show(ok ? 'pass' : 'fail', ok ? 'The QR code matches this transcript' : 'The QR code does NOT match this transcript', checks);
  }

  const run = () => check().catch(e => show('unknown', 'The QR code could not be checked', [[false, String(e && e.message || e)]]));
  window.addEventListener('hashchange', run);
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    const typed = document.getElementById('token').value.trim().replace(/^.*#/, '');
    if ('#' + typed === location.hash) { run(); } else { location.hash = typed; }
  });
  run();
})();
