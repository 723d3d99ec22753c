// Opens a share link: the token is the URL fragment (or typed in), sent only in the X-Share-Token header, never in an
// address. The service answers with its report (HTML it encoded) and the credentials as issued, offered as a download.
(() => {
  'use strict';
  const box = document.getElementById('opening');
  const text = document.getElementById('opening-text');
  const report = document.getElementById('report');
  const form = document.getElementById('token-form');

  function say(state, message) {
    box.dataset.state = state;
    text.textContent = message;
  }

  async function open(token) {
    say('pending', 'Opening the link…');
    let response;
    try {
      response = await fetch('/share?format=page', { headers: { 'X-Share-Token': token, 'Accept': 'application/json' }, cache: 'no-store' });
    } catch {
      say('fail', 'The service could not be reached. Try again later.');
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || typeof body.html !== 'string') {
      say('fail', (body && body.detail) || 'This link could not be opened.');
      return;
    }
    form.hidden = true;
    say('pass', 'Link opened');
    report.innerHTML = body.html;
    const file = new Blob([JSON.stringify(body.presentation, null, 2)], { type: 'application/json' });
    const download = document.createElement('a');
    download.href = URL.createObjectURL(file);
    download.download = 'shared-credentials.json';
    download.textContent = 'Download the credentials as issued (JSON)';
    const paragraph = document.createElement('p');
    paragraph.append(download);
    report.prepend(paragraph);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const token = document.getElementById('token').value.trim();
    if (token) { open(token); }
  });
  const token = decodeURIComponent(location.hash.slice(1));
  // The code leaves the address bar (and this entry of the history) once read.
  history.replaceState(null, '', location.pathname);
  if (token) {
    open(token);
  } else {
    say('unknown', 'Type the code from the link below.');
  }
})();
