// visitplan: talking to the server, and building DOM safely (text is always set as text, never as HTML).

const TOKEN_KEY = "visitplan-token";

/** Takes a token from the address (#token=...) into local storage and out of the address bar. */
export function adoptTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
}

export function token() { return localStorage.getItem(TOKEN_KEY); }
export function setToken(value) { localStorage.setItem(TOKEN_KEY, value); }
export function signOut() { localStorage.removeItem(TOKEN_KEY); location.reload(); }

/** An API failure: the HTTP status and the server's JSON body ({error, issues, currentVersion}). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `the server answered ${status}`);
    this.status = status;
    this.body = body || {};
  }
  /** The message with every field problem on its own line. */
  get details() {
    const issues = (this.body.issues || []).map((i) => `${i.path ? i.path + ": " : ""}${i.message}`);
    return [this.message, ...issues].join("\n");
  }
}

/** Calls the API with the stored token; JSON in and out. */
export async function api(path, { method = "GET", body, contentType = "application/json" } = {}) {
  const headers = { Authorization: `Bearer ${token() || ""}` };
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = contentType;
    payload = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, { method, headers, body: payload, cache: "no-store" });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { error: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** Opens an HTML page of the API (a run sheet) in a new window: fetched with the stored token, shown from a blob. */
export async function openPage(path) {
  const response = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${token() || ""}` }, cache: "no-store" });
  const text = await response.text();
  if (!response.ok) {
    let json = null;
    try { json = JSON.parse(text); } catch { json = { error: text }; }
    throw new ApiError(response.status, json);
  }
  // The blob's page keeps this page's rules (styles from this origin only): its stylesheet by full address.
  const page = text.replace('href="/runsheet.css"', `href="${location.origin}/runsheet.css"`);
  window.open(URL.createObjectURL(new Blob([page], { type: "text/html" })), "_blank");
}

/**
 * Follows a stream of server-sent events with the stored token (EventSource cannot send one):
 * calls onEvent(name, data) for each event (data parsed as JSON), until the stream ends or
 * `signal` aborts it; throws when it cannot be opened.
 */
export async function follow(path, onEvent, signal) {
  const response = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${token() || ""}` }, cache: "no-store", signal });
  if (!response.ok || !response.body) throw new ApiError(response.status, null);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) name = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (data) {
        try { onEvent(name, JSON.parse(data)); } catch { /* an event this page does not read */ }
      }
    }
  }
}

/** h("li", {class: "x", dataset: {visit: "V-1"}}, "text", child) builds an element; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "on") for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else if (name === "class") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** "09:30" of "2026-12-08T09:30" (times are the site's own, without zone). */
export function timeOf(text) { return text.slice(11, 16); }
export function dayLabel(date) {
  const d = new Date(`${date}T00:00Z`);
  return d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}
export function money(value) { return typeof value === "number" ? value.toLocaleString("en-GB", { maximumFractionDigits: 2 }) : ""; }

/** Sets up the header: who is signed in, a sign-out button, and the sign-in form when needed. Resolves to /api/me. */
export async function signIn() {
  adoptTokenFromAddress();
  const form = document.getElementById("signin");
  const who = document.getElementById("who");
  while (true) {
    if (token()) {
      try {
        const me = await api("/me");
        fill(who, `${me.name} (${me.role})`, h("button", { type: "button", on: { click: signOut } }, "Sign out"));
        return me;
      } catch (error) {
        document.getElementById("signin-error").textContent =
          error.status === 401 ? "That token is not valid." : error.message;
      }
    }
    form.hidden = false;
    await new Promise((resolve) => form.addEventListener("submit", (event) => {
      event.preventDefault();
      setToken(document.getElementById("signin-token").value.trim());
      resolve();
    }, { once: true }));
  }
}

/** Fills `select` with the scenarios the caller may see, the one last chosen on the calendar
 *  page selected (when it is still there); returns the scenarios. */
export async function scenarioPicker(select) {
  const scenarios = await api("/scenarios");
  fill(select, scenarios.map((s) => h("option", { value: s.id }, s.id)));
  const remembered = localStorage.getItem("visitplan-scenario");
  if (scenarios.some((s) => s.id === remembered)) select.value = remembered;
  return scenarios;
}
