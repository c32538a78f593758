/*
 * AsnBot web chat page.
 *
 * Talks to POST /api/webchat/{sessionId}/messages, and polls GET on the same path (?after=<id>) for
 * messages the bot writes first (announcements, reminders). Everything the user or the bot wrote is put on
 * the page with textContent or text nodes only, never innerHTML, so no message can become markup.
 * Plain ES2017, no dependencies: the page must work offline on an intranet.
 */
(function () {
  'use strict';

  var API_PATH = '/api/webchat/';
  var MAX_TEXT_LENGTH = 4000;           // same as the textarea's maxlength
  var COUNTER_FROM = 3600;              // the counter only appears near the limit, to keep the box calm
  var MAX_BODY_BYTES = 16 * 1024;       // the server answers 413 above this
  var MAX_UPLOAD_BYTES = 5 * 1024 * 1024; // a certificate photo or PDF; the server checks it again
  var MAX_BUBBLES = 200;                // bounded so localStorage never fills up
  var REQUEST_TIMEOUT_MS = 30000;
  var START_COMMAND = '/start';
  var POLL_INTERVAL_MS = 5000;          // proactive messages wait in the server's inbox until fetched

  var KEYS = {
    session: 'asnbot.webchat.v1.session',
    transcript: 'asnbot.webchat.v1.transcript',
    failed: 'asnbot.webchat.v1.failed',
    draft: 'asnbot.webchat.v1.draft',
    inboxAfter: 'asnbot.webchat.v1.inbox-after'
  };

  var SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
  // 64 symbols: a random byte modulo 64 is unbiased.
  var ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  var TEXTS = {
    sendFailed: 'Pesan gagal terkirim. Periksa koneksi Anda lalu coba lagi.',
    uploadTooLarge: 'Berkasnya terlalu besar (paling besar 5 MB). Kirim foto yang lebih kecil atau PDF hasil pindai.',
    uploadFailed: 'Sertifikat gagal terkirim. Periksa koneksi Anda lalu coba lagi.',
    notSent: 'Belum terkirim',
    botPrefix: 'AsnBot: ',
    userPrefix: 'Anda: ',
    choicesLabel: 'Pilihan jawaban',
    picked: ' (dipilih)',
    newTab: ' (membuka tab baru)',
    confirmRestart: 'Mulai ulang percakapan?\n\nRiwayat obrolan di perangkat ini akan dihapus dan percakapan baru dimulai.'
  };

  var state = {
    sessionId: '',
    transcript: [],   // [{ id, from: 'bot' | 'user', text, choices?: [{label, value}], picked?, failed? }]
    failed: null,     // { payload, entryId } of the last message that could not be delivered
    busy: false,
    epoch: 0,         // bumped by "Mulai ulang" so answers for the old session are ignored
    controller: null, // AbortController of the request in flight
    polling: false    // an inbox fetch is under way
  };

  var els = {};
  var stores = { local: openStorage('localStorage'), session: openStorage('sessionStorage') };

  /* ---------- Storage ---------- */

  // Storage can be missing or throw (private mode, blocked cookies, full quota); the chat must
  // still work then, it just forgets on reload.
  function openStorage(name) {
    try {
      var storage = window[name];
      var probe = '__asnbot_probe__';
      storage.setItem(probe, probe);
      storage.removeItem(probe);
      return storage;
    } catch (e) {
      return createMemoryStorage();
    }
  }

  function createMemoryStorage() {
    var items = Object.create(null);
    return {
      getItem: function (key) { return key in items ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; }
    };
  }

  function readJson(storage, key) {
    try {
      var raw = storage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }

  function writeItem(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
      return true;
    } catch (e) {
      return false;
    }
  }

  /* ---------- Session id ---------- */

  function randomString(length) {
    var bytes = new Uint8Array(length);
    window.crypto.getRandomValues(bytes);
    var result = '';
    for (var i = 0; i < bytes.length; i++) result += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
    return result;
  }

  function loadSessionId() {
    var stored = null;
    try { stored = stores.local.getItem(KEYS.session); } catch (e) { stored = null; }
    if (stored && SESSION_ID_PATTERN.test(stored)) return stored;
    return createSessionId();
  }

  function createSessionId() {
    var id = randomString(32);
    writeItem(stores.local, KEYS.session, id);
    return id;
  }

  /* ---------- Transcript ---------- */

  function sanitizeChoices(list) {
    if (!Array.isArray(list)) return [];
    return list
      .filter(function (c) { return c && typeof c.label === 'string' && typeof c.value === 'string'; })
      .map(function (c) { return { label: c.label, value: c.value }; });
  }

  // Whatever is in storage may be old or edited by hand: keep only well-formed entries.
  function sanitizeEntry(raw) {
    if (!raw || typeof raw.text !== 'string' || (raw.from !== 'bot' && raw.from !== 'user')) return null;
    var entry = { id: typeof raw.id === 'string' && raw.id ? raw.id : randomString(10), from: raw.from, text: raw.text };
    if (raw.from === 'bot') {
      entry.choices = sanitizeChoices(raw.choices);
      if (typeof raw.picked === 'string') entry.picked = raw.picked;
    } else if (raw.failed === true) {
      entry.failed = true;
    }
    return entry;
  }

  function loadTranscript() {
    var raw = readJson(stores.local, KEYS.transcript);
    if (!Array.isArray(raw)) return [];
    return raw.map(sanitizeEntry).filter(Boolean).slice(-MAX_BUBBLES);
  }

  function saveTranscript() {
    if (state.transcript.length > MAX_BUBBLES) state.transcript = state.transcript.slice(-MAX_BUBBLES);
    if (writeItem(stores.local, KEYS.transcript, JSON.stringify(state.transcript))) return;
    // Quota full: keeping the newer half is better than keeping nothing.
    writeItem(stores.local, KEYS.transcript, JSON.stringify(state.transcript.slice(-Math.floor(MAX_BUBBLES / 2))));
  }

  function isValidPayload(payload) {
    if (!payload) return false;
    var keys = Object.keys(payload);
    return keys.length === 1 && (typeof payload.text === 'string' || typeof payload.choice === 'string');
  }

  function loadFailed() {
    var raw = readJson(stores.local, KEYS.failed);
    if (!raw || !isValidPayload(raw.payload)) return null;
    return { payload: raw.payload, entryId: typeof raw.entryId === 'string' ? raw.entryId : null };
  }

  function saveFailed() {
    writeItem(stores.local, KEYS.failed, state.failed ? JSON.stringify(state.failed) : null);
  }

  function lastEntry() {
    return state.transcript.length ? state.transcript[state.transcript.length - 1] : null;
  }

  function lastBotEntry() {
    for (var i = state.transcript.length - 1; i >= 0; i--) {
      if (state.transcript[i].from === 'bot') return state.transcript[i];
    }
    return null;
  }

  function findEntry(id) {
    for (var i = 0; i < state.transcript.length; i++) {
      if (state.transcript[i].id === id) return state.transcript[i];
    }
    return null;
  }

  function addEntry(entry) {
    entry.id = randomString(10);
    state.transcript.push(entry);
    saveTranscript();
    var element = buildMessage(entry);
    els.log.appendChild(element);
    // The DOM mirrors the bounded transcript, oldest first.
    while (els.log.children.length > state.transcript.length) els.log.removeChild(els.log.firstElementChild);
    return element;
  }

  /* ---------- Rendering ---------- */

  function createElement(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function buildMessage(entry) {
    var message = createElement('div', 'message message-' + entry.from);
    message.setAttribute('data-entry-id', entry.id);
    if (entry.text) {
      var bubble = createElement('div', 'bubble');
      // Screen readers hear who is speaking; sighted users see it from the side.
      bubble.appendChild(createElement('span', 'visually-hidden', entry.from === 'bot' ? TEXTS.botPrefix : TEXTS.userPrefix));
      if (entry.from === 'bot') appendTextWithLinks(bubble, entry.text);
      else bubble.appendChild(document.createTextNode(entry.text));
      message.appendChild(bubble);
    }
    if (entry.failed) setFailedMark(message, true);
    return message;
  }

  // Only http(s) links become anchors, built element by element; the rest stays plain text.
  function appendTextWithLinks(parent, text) {
    var pattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var url = trimTrailingPunctuation(match[0]);
      var href = safeHref(url);
      if (!href) continue;
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(buildLink(url, href));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // "Lihat https://contoh.go.id." should not link the final dot; a ")" stays only if it closes a "(" in the URL.
  function trimTrailingPunctuation(url) {
    while (url.length) {
      var ch = url.charAt(url.length - 1);
      if (ch === ')') {
        if (url.split('(').length >= url.split(')').length) break;
      } else if ('.,;:!?\'"]}»'.indexOf(ch) === -1) {
        break;
      }
      url = url.slice(0, -1);
    }
    return url;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function buildLink(text, href) {
    var link = document.createElement('a');
    link.href = href;
    link.target = '_blank';                 // keep the conversation open
    link.rel = 'noopener noreferrer';
    link.textContent = text;
    link.appendChild(createElement('span', 'visually-hidden', TEXTS.newTab));
    return link;
  }

  function setFailedMark(message, failed) {
    message.classList.toggle('message-failed', failed);
    var status = message.querySelector('.message-status');
    if (failed && !status) message.appendChild(createElement('p', 'message-status', TEXTS.notSent));
    if (!failed && status) message.removeChild(status);
  }

  function findMessageElement(id) {
    var children = els.log.children;
    for (var i = 0; i < children.length; i++) {
      if (children[i].getAttribute('data-entry-id') === id) return children[i];
    }
    return null;
  }

  function renderTranscript() {
    els.log.textContent = '';
    state.transcript.forEach(function (entry) { els.log.appendChild(buildMessage(entry)); });
    renderChoices();
    scrollToBottom(false);
  }

  // Only the last bot reply offers buttons; older ones are history. The group is rebuilt only when
  // that reply changes, so screen readers don't hear the same buttons again and focus isn't lost.
  function renderChoices() {
    var owner = lastBotEntry();
    if (owner && !owner.choices.length) owner = null;
    var existing = els.log.querySelector('.choices');
    if (existing && owner && existing.getAttribute('data-entry-id') === owner.id) {
      updateControls();
      return;
    }
    if (existing) existing.parentNode.removeChild(existing);
    var message = owner && findMessageElement(owner.id);
    if (message) message.appendChild(buildChoices(owner));
    updateControls();
  }

  function buildChoices(entry) {
    var group = createElement('div', 'choices');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', TEXTS.choicesLabel);
    group.setAttribute('data-entry-id', entry.id);
    entry.choices.forEach(function (choice, index) {
      var button = createElement('button', 'button button-secondary choice', choice.label);
      button.type = 'button';
      button.setAttribute('data-index', String(index));
      button.addEventListener('click', function (event) { onChoiceClick(entry, choice, event); });
      group.appendChild(button);
    });
    return group;
  }

  // One place decides what can be pressed: nothing while waiting, and choices only while their
  // reply is still the last thing in the conversation.
  function updateControls() {
    els.send.disabled = state.busy;
    els.attach.disabled = state.busy;
    els.quick.forEach(function (button) { button.disabled = state.busy; });

    var group = els.log.querySelector('.choices');
    if (!group) return;
    var owner = findEntry(group.getAttribute('data-entry-id'));
    var open = !state.busy && owner !== null && owner === lastEntry();
    Array.prototype.forEach.call(group.querySelectorAll('.choice'), function (button) {
      var choice = owner && owner.choices[Number(button.getAttribute('data-index'))];
      var picked = Boolean(choice && owner.picked === choice.value && !open);
      button.disabled = !open;
      markPicked(button, picked);
    });
  }

  function markPicked(button, picked) {
    button.classList.toggle('is-picked', picked);
    var note = button.querySelector('.visually-hidden');
    if (picked && !note) button.appendChild(createElement('span', 'visually-hidden', TEXTS.picked));
    if (!picked && note) button.removeChild(note);
  }

  function prefersReducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  function scrollConversationTo(top, smooth) {
    var behavior = smooth && !prefersReducedMotion() ? 'smooth' : 'auto';
    try {
      els.conversation.scrollTo({ top: top, behavior: behavior });
    } catch (e) {
      els.conversation.scrollTop = top;
    }
  }

  function scrollToBottom(smooth) {
    scrollConversationTo(els.conversation.scrollHeight, smooth);
  }

  // A long answer (help, data overview) should be read from its first line, so if scrolling to the
  // bottom would push the start of the new replies out of view, stop at their start instead.
  function scrollToReplies(firstReply) {
    var bottom = els.conversation.scrollHeight - els.conversation.clientHeight;
    if (!firstReply) {
      scrollToBottom(true);
      return;
    }
    var start = firstReply.offsetTop - 16;
    scrollConversationTo(Math.max(0, Math.min(bottom, start)), true);
  }

  function setBusy(busy) {
    state.busy = busy;
    els.typing.hidden = !busy;
    if (busy) scrollToBottom(true);
    updateControls();
  }

  function showNotice(text) {
    els.noticeText.textContent = text;
    els.notice.hidden = false;
    scrollToBottom(true);
  }

  function hideNotice() {
    els.notice.hidden = true;
    els.noticeText.textContent = '';
  }

  /* ---------- Sending ---------- */

  // The pressed button's label or the typed text is what the user sees; the payload is what the
  // server gets. displayText null sends silently (the automatic /start).
  function sendPayload(payload, displayText) {
    if (state.busy) return;
    dropFailed();
    var entry = null;
    if (displayText !== null) {
      entry = { from: 'user', text: displayText };
      addEntry(entry);
      renderChoices();
    }
    deliver({ payload: payload, entryId: entry ? entry.id : null });
  }

  // A new message supersedes an undelivered one; its bubble stays marked "Belum terkirim".
  function dropFailed() {
    if (!state.failed) return;
    state.failed = null;
    saveFailed();
    hideNotice();
  }

  function deliver(outgoing) {
    var epoch = state.epoch;
    hideNotice();
    markEntryFailed(outgoing.entryId, false);
    setBusy(true);
    postToServer(outgoing.payload)
      .then(function (replies) {
        if (epoch !== state.epoch) return;
        state.failed = null;
        saveFailed();
        showReplies(replies);
      }, function () {
        if (epoch !== state.epoch) return;
        // Kept (also across a reload) so "Coba lagi" resends exactly what was typed or pressed.
        state.failed = outgoing;
        saveFailed();
        markEntryFailed(outgoing.entryId, true);
        setBusy(false);
        showNotice(TEXTS.sendFailed);
      });
  }

  function showReplies(replies) {
    var first = null;
    replies.forEach(function (reply) {
      var element = addEntry({ from: 'bot', text: reply.text, choices: reply.choices });
      if (!first) first = element;
    });
    setBusy(false);
    renderChoices();
    scrollToReplies(first);
  }

  function markEntryFailed(entryId, failed) {
    var entry = entryId && findEntry(entryId);
    if (!entry || Boolean(entry.failed) === failed) return;
    if (failed) entry.failed = true;
    else delete entry.failed;
    saveTranscript();
    var message = findMessageElement(entryId);
    if (message) setFailedMark(message, failed);
  }

  // Resolves with the sanitized replies; rejects on network failure, timeout, non-2xx or a body
  // that is not the expected JSON, all of which the user sees as the same "Coba lagi" notice.
  function postToServer(payload) {
    var body = JSON.stringify(payload);
    // The server would answer 413; failing here saves the round trip and ends the same way.
    if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) return Promise.reject(new Error('Body too large'));

    var controller = new AbortController();
    state.controller = controller;
    var timer = window.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);

    return fetch(API_PATH + encodeURIComponent(state.sessionId) + '/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(parseReplies)
      .then(function (replies) {
        finishRequest(controller, timer);
        return replies;
      }, function (error) {
        finishRequest(controller, timer);
        throw error;
      });
  }

  /* ---------- Certificate upload ---------- */

  // A photo or PDF of a certificate of outside training; the bot answers like any other turn.
  function onAttach() {
    var file = els.attach.files && els.attach.files[0];
    els.attach.value = '';
    if (!file || state.busy) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      showNotice(TEXTS.uploadTooLarge);
      return;
    }
    dropFailed();
    addEntry({ from: 'user', text: '📎 ' + file.name });
    renderChoices();
    var epoch = state.epoch;
    setBusy(true);
    uploadToServer(file).then(function (replies) {
      if (epoch !== state.epoch) return;
      showReplies(replies);
    }, function (error) {
      if (epoch !== state.epoch) return;
      setBusy(false);
      showNotice(error && error.message === 'HTTP 413' ? TEXTS.uploadTooLarge : TEXTS.uploadFailed);
    });
  }

  function uploadToServer(file) {
    var form = new FormData();
    form.append('file', file, file.name);
    var controller = new AbortController();
    state.controller = controller;
    var timer = window.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    return fetch(API_PATH + encodeURIComponent(state.sessionId) + '/uploads', {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: form,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(parseReplies)
      .then(function (replies) {
        finishRequest(controller, timer);
        return replies;
      }, function (error) {
        finishRequest(controller, timer);
        throw error;
      });
  }

  function finishRequest(controller, timer) {
    window.clearTimeout(timer);
    if (state.controller === controller) state.controller = null;
  }

  function parseReplies(data) {
    if (!data || !Array.isArray(data.replies)) throw new Error('Unexpected response');
    return data.replies
      .filter(function (reply) { return reply && typeof reply.text === 'string'; })
      .map(function (reply) { return { text: reply.text, choices: sanitizeChoices(reply.choices) }; });
  }

  function abortRequest() {
    if (state.controller) state.controller.abort();
    state.controller = null;
  }

  /* ---------- Inbox (messages the bot writes first) ---------- */

  function loadInboxAfter() {
    var value = null;
    try { value = Number(stores.local.getItem(KEYS.inboxAfter)); } catch (e) { value = null; }
    return value && value > 0 ? value : 0;
  }

  // Never while a reply is awaited: the new bubbles would land between a question and its answer.
  function pollInbox() {
    if (state.busy || document.hidden || state.polling) return;
    var epoch = state.epoch;
    state.polling = true;
    fetch(API_PATH + encodeURIComponent(state.sessionId) + '/messages?after=' + loadInboxAfter(), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        if (epoch !== state.epoch || state.busy || !data || !Array.isArray(data.replies)) return;
        var fresh = data.replies.filter(function (reply) {
          return reply && typeof reply.text === 'string' && typeof reply.id === 'number' && reply.id > loadInboxAfter();
        });
        if (!fresh.length) return;
        writeItem(stores.local, KEYS.inboxAfter, String(fresh[fresh.length - 1].id));
        showReplies(fresh.map(function (reply) { return { text: reply.text, choices: sanitizeChoices(reply.choices) }; }));
      })
      .catch(function () { /* A missed poll is retried at the next tick; nothing to tell the user. */ })
      .then(function () { state.polling = false; });
  }

  /* ---------- Composer ---------- */

  function sendTypedText() {
    var text = els.input.value.trim();
    els.input.focus();
    if (state.busy || !text) return;
    if (text.length > MAX_TEXT_LENGTH) {
      updateCounter();
      return;
    }
    els.input.value = '';
    saveDraft();
    resizeInput();
    updateCounter();
    sendPayload({ text: text }, text);
  }

  function resizeInput() {
    // Grow with the text up to the CSS max-height, then scroll inside the box.
    els.input.style.height = 'auto';
    els.input.style.height = (els.input.scrollHeight + 2) + 'px';
  }

  function updateCounter() {
    var length = els.input.value.length;
    els.counter.hidden = length < COUNTER_FROM;
    els.counter.textContent = length + '/' + MAX_TEXT_LENGTH + ' karakter';
    els.counter.classList.toggle('is-full', length >= MAX_TEXT_LENGTH);
  }

  // Drafts live in sessionStorage: a reload or a crash of the tab must not lose what was typed.
  function saveDraft() {
    writeItem(stores.session, KEYS.draft, els.input.value ? els.input.value : null);
  }

  function restoreDraft() {
    var draft = null;
    try { draft = stores.session.getItem(KEYS.draft); } catch (e) { draft = null; }
    if (draft) els.input.value = draft.slice(0, MAX_TEXT_LENGTH);
    resizeInput();
    updateCounter();
  }

  function isCoarsePointer() {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
  }

  // After a button press, put the keyboard user back in the text box; on touch screens that would
  // pop up the on-screen keyboard over the new choices, so leave it there.
  function refocusAfterButton(event) {
    var fromKeyboard = event && event.detail === 0;
    if (fromKeyboard || !isCoarsePointer()) els.input.focus();
  }

  /* ---------- Event handlers ---------- */

  function onSubmit(event) {
    event.preventDefault();
    sendTypedText();
  }

  function onInputKeyDown(event) {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // Enter that confirms an IME composition (e.g. some Android keyboards) must not send.
    if (event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    sendTypedText();
  }

  function onInput() {
    resizeInput();
    updateCounter();
    saveDraft();
  }

  function onChoiceClick(entry, choice, event) {
    if (state.busy || lastEntry() !== entry) return;
    entry.picked = choice.value;
    sendPayload({ choice: choice.value }, choice.label);
    refocusAfterButton(event);
  }

  function onQuickCommand(event) {
    var button = event.currentTarget;
    if (state.busy) return;
    sendPayload({ text: button.getAttribute('data-command') }, button.textContent.trim());
    refocusAfterButton(event);
  }

  function onRetry(event) {
    if (state.busy || !state.failed) return;
    deliver(state.failed);
    refocusAfterButton(event);
  }

  function onRestart(event) {
    if (!window.confirm(TEXTS.confirmRestart)) return;
    state.epoch++;
    abortRequest();
    state.sessionId = createSessionId();
    writeItem(stores.local, KEYS.inboxAfter, null);
    state.transcript = [];
    saveTranscript();
    state.failed = null;
    saveFailed();
    hideNotice();
    setBusy(false);
    renderTranscript();
    // The typed draft is kept on purpose: starting over should not throw away the user's words.
    startConversation();
    refocusAfterButton(event);
  }

  // Another tab of the same browser shares the session; follow its changes so this tab doesn't
  // later overwrite them with a stale transcript.
  function onStorageChanged(event) {
    if (event.storageArea !== stores.local) return;
    if (event.key !== null && event.key !== KEYS.session && event.key !== KEYS.transcript && event.key !== KEYS.failed) return;
    var sessionId = loadSessionId();
    if (sessionId !== state.sessionId) {
      state.epoch++;
      abortRequest();
      state.sessionId = sessionId;
      setBusy(false);
    } else if (state.busy) {
      return;
    }
    state.transcript = loadTranscript();
    state.failed = loadFailed();
    renderTranscript();
    if (state.failed) showNotice(TEXTS.sendFailed);
    else hideNotice();
  }

  function startConversation() {
    sendPayload({ text: START_COMMAND }, null);
  }

  /* ---------- Start-up ---------- */

  function findElements() {
    els = {
      conversation: document.getElementById('conversation'),
      log: document.getElementById('log'),
      typing: document.getElementById('typing'),
      notice: document.getElementById('notice'),
      noticeText: document.getElementById('notice-text'),
      retry: document.getElementById('retry'),
      form: document.getElementById('composer'),
      input: document.getElementById('message'),
      send: document.getElementById('send'),
      counter: document.getElementById('counter'),
      restart: document.getElementById('restart'),
      attach: document.getElementById('attach'),
      quick: Array.prototype.slice.call(document.querySelectorAll('[data-command]'))
    };
    return Object.keys(els).every(function (key) { return els[key]; });
  }

  function bindEvents() {
    els.form.addEventListener('submit', onSubmit);
    els.input.addEventListener('keydown', onInputKeyDown);
    els.input.addEventListener('input', onInput);
    els.retry.addEventListener('click', onRetry);
    els.restart.addEventListener('click', onRestart);
    els.attach.addEventListener('change', onAttach);
    els.quick.forEach(function (button) { button.addEventListener('click', onQuickCommand); });
    window.addEventListener('storage', onStorageChanged);
  }

  function init() {
    if (!findElements()) return;
    state.sessionId = loadSessionId();
    state.transcript = loadTranscript();
    state.failed = loadFailed();
    restoreDraft();
    bindEvents();
    renderTranscript();

    if (state.failed) showNotice(TEXTS.sendFailed);
    else if (!state.transcript.length) startConversation();

    if (!isCoarsePointer()) els.input.focus();
    window.setInterval(pollInbox, POLL_INTERVAL_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
