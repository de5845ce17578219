// The web chat: talks to /api/web with an anonymous identity kept in this browser's local storage.
// Bot messages arrive as styled spans and are drawn with textContent, never innerHTML, so nothing
// anybody typed can inject markup into the page.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const STORAGE_KEY = 'kruzhok.session';
  let session = localStorage.getItem(STORAGE_KEY);
  let lastId = 0;
  let busy = false;
  const rendered = new Map();

  async function api(path, body) {
    const response = await fetch('/api/web' + path, body === undefined ? {} : {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }

  function drawSpans(container, spans) {
    for (const span of spans || []) {
      let node;
      if (span.style === 'bold') { node = document.createElement('b'); node.textContent = span.text; }
      else if (span.style === 'italic') { node = document.createElement('i'); node.textContent = span.text; }
      else if (span.style === 'link') {
        node = document.createElement('a'); node.textContent = span.text; node.href = span.url;
        node.target = '_blank'; node.rel = 'noopener noreferrer';
      } else { node = document.createTextNode(span.text); }
      container.appendChild(node);
    }
  }

  function drawButtons(container, rows) {
    if (!rows || rows.length === 0) return;
    const box = document.createElement('div');
    box.className = 'buttons';
    for (const row of rows) {
      const line = document.createElement('div');
      line.className = 'buttons__row';
      for (const b of row) {
        let el;
        if (b.url) {
          el = document.createElement('a'); el.href = b.url; el.target = '_blank'; el.rel = 'noopener noreferrer';
        } else {
          el = document.createElement('button'); el.type = 'button';
          el.addEventListener('click', () => press(b.payload, b.label));
        }
        el.className = 'btn';
        el.textContent = b.label;
        line.appendChild(el);
      }
      box.appendChild(line);
    }
    container.appendChild(box);
  }

  function drawBot(message) {
    const el = document.createElement('div');
    el.className = 'msg msg--bot';
    el.dataset.id = message.id;
    drawSpans(el, message.spans);
    if (message.image) { const img = document.createElement('img'); img.src = message.image; img.alt = ''; el.appendChild(img); }
    if (message.file) {
      const a = document.createElement('a'); a.href = message.file; a.download = message.fileName || 'file';
      a.textContent = '📎 ' + (message.fileName || 'файл'); a.className = 'btn'; el.appendChild(a);
    }
    drawButtons(el, message.buttons);
    const old = message.replaces ? rendered.get(message.replaces) : null;
    if (old) { old.replaceWith(el); rendered.delete(message.replaces); }
    else { log.appendChild(el); }
    rendered.set(message.id, el);
    lastId = Math.max(lastId, message.id);
  }

  function drawMine(text) {
    const el = document.createElement('div');
    el.className = 'msg msg--me';
    el.textContent = text;
    log.appendChild(el);
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  function show(messages) { for (const m of messages) if (m.id > lastId) drawBot(m); scroll(); }

  function clientId() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 10); }

  const sendButton = document.getElementById('send');

  // "печатает…" while the bot thinks, so a slow answer does not look like a dead page
  function typing(on) {
    let el = log.querySelector('.typing');
    if (on && !el) { el = document.createElement('div'); el.className = 'typing'; log.appendChild(el); scroll(); }
    if (!on && el) el.remove();
    sendButton.disabled = on;
  }

  async function send(body, echo) {
    if (echo) { drawMine(echo); scroll(); }
    busy = true;
    typing(true);
    try {
      const result = await api('/messages', Object.assign({session: session, clientId: clientId(), after: lastId}, body));
      show(result.messages);
    } catch (e) {
      const n = document.createElement('div'); n.className = 'notice';
      n.textContent = 'Нет связи с сервером. Попробуйте ещё раз.'; log.appendChild(n); scroll();
    } finally { busy = false; typing(false); }
  }

  function press(payload, label) { send({payload: payload}, label); }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({text: text}, text);
  });

  async function poll() {
    if (!busy && session) {
      try { show((await api('/messages?session=' + encodeURIComponent(session) + '&after=' + lastId)).messages); }
      catch (e) { /* offline for a moment; try again later */ }
    }
    setTimeout(poll, 3000);
  }

  async function start() {
    if (!session) {
      session = (await api('/session', {})).session;
      localStorage.setItem(STORAGE_KEY, session);
      await send({text: '/start'});
    } else {
      show((await api('/messages?session=' + encodeURIComponent(session) + '&after=0')).messages);
      if (lastId === 0) await send({text: '/start'});
    }
    poll();
  }

  start();
})();
