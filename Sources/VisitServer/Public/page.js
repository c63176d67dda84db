// visitplan: the calendar page. Loads the current plan of a scenario, draws the week, shows a
// visit's details, lists unscheduled visits, lets a host report a change, which replans,
// offers a coordinator a better week when the server finds one near the current plan, and
// follows the scenario's updates.
import "./chrome.js";
import { api, follow, h, fill, signIn, timeOf, dayLabel, money, openPage } from "./api.js";
import { renderCalendar } from "./calendar.js";
import { optionsButton } from "./options.js";
import { showVisitFile } from "./visitfile.js";
import { setUpRequests, fillRequestForm, acceptButtons } from "./requests.js";
import { setUpResources, fillResources } from "./resources.js";

const $ = (id) => document.getElementById(id);
const state = { me: null, scenarioId: null, detail: null, scenario: null, view: null, mode: "rooms", selected: null, moved: new Set(), poll: null,
  improvement: null, improvePoll: null, updates: null, reporting: false };

const staffName = (id) => (state.scenario.staff || []).find((s) => s.id === id)?.name || id;
const request = (id) => (state.scenario.visits || []).find((v) => v.id === id);
const clientOf = (id) => request(id)?.client?.name || "";

function showError(message) { $("app-error").textContent = message || ""; }

/** What the request and resource cards need of the page. */
const requestContext = {
  get me() { return state.me; },
  scenarioId: () => state.scenarioId,
  scenario: () => state.detail.document,
  planVersion: () => state.view?.version,
  reload: () => load(),
};

/** Whether the caller may print a visit's run sheet (it carries the client's contact): as the server decides. */
function mayReadSheet(planned) {
  switch (state.me.role) {
    case "coordinator": case "planner": return true;
    case "host": return planned.host === state.me.person;
    case "business": return mayAskOptions(planned.id);
    default: return false;
  }
}

/** Whether the caller may ask for a visit's options: coordinators and planners, a business token for its own requests. */
function mayAskOptions(visitId) {
  if (state.me.role === "coordinator" || state.me.role === "planner") return true;
  if (state.me.role !== "business") return false;
  const owner = (state.detail.document.visits || []).find((v) => v.id === visitId)?.owner;
  return owner === state.me.person || owner === state.me.name;
}

async function main() {
  state.me = await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  if (!["coordinator", "planner"].includes(state.me.role)) { $("whatif-link").hidden = true; $("kpi-link").hidden = true; }
  $("replan-all").hidden = state.me.role !== "coordinator";
  $("report-card").hidden = !["coordinator", "host"].includes(state.me.role);
  setUpRequests(requestContext);
  setUpResources(requestContext);
  for (const radio of document.querySelectorAll("input[name=lanes]")) {
    radio.addEventListener("change", () => { state.mode = radio.value; draw(); });
  }
  $("scenario").addEventListener("change", () => {
    state.scenarioId = $("scenario").value;
    localStorage.setItem("visitplan-scenario", state.scenarioId);
    load();
    followUpdates();
  });
  $("replan-all").addEventListener("click", planAgain);
  $("report-type").addEventListener("change", showReportFields);
  $("report-visit").addEventListener("change", fillReportVisit);
  $("report").addEventListener("submit", submitReport);
  $("improvement-accept").addEventListener("click", acceptImprovement);
  $("improvement-ignore").addEventListener("click", ignoreImprovement);
  const scenarios = await api("/scenarios");
  fill($("scenario"), scenarios.map((s) => h("option", { value: s.id }, s.name === s.id ? s.id : `${s.name} (${s.id})`)));
  const remembered = localStorage.getItem("visitplan-scenario");
  state.scenarioId = scenarios.some((s) => s.id === remembered) ? remembered : scenarios[0]?.id;
  if (!state.scenarioId) { showError("There is no scenario yet. A coordinator creates one with POST /api/scenarios."); return; }
  $("scenario").value = state.scenarioId;
  await load();
  followUpdates();
}

/**
 * Follows the scenario's new plans as the server announces them, whichever server instance made
 * them (GET /api/scenarios/{id}/updates), and reloads when one is newer than the plan on screen.
 * A lost stream is opened again after a few seconds.
 */
function followUpdates() {
  state.updates?.abort();
  const controller = new AbortController();
  state.updates = controller;
  const scenarioId = state.scenarioId;
  const onEvent = (name, data) => {
    const newer = name === "plan" && data.version != null && data.version > (state.view?.version ?? 0);
    if (newer && !state.reporting && state.scenarioId === scenarioId) load();
  };
  (async () => {
    while (!controller.signal.aborted) {
      try { await follow(`/scenarios/${scenarioId}/updates`, onEvent, controller.signal); } catch { /* opened again below */ }
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  })();
}

/** Loads the scenario and its current plan, and follows a solve that is still running. */
async function load() {
  showError("");
  try {
    state.detail = await api(`/scenarios/${state.scenarioId}`);
    state.scenario = state.detail.document;
    if (state.detail.currentPlanVersion == null) {
      state.view = null;
    } else {
      state.view = await api(`/scenarios/${state.scenarioId}/plans/current`);
      if (state.view.scenarioVersion !== state.detail.latestVersion) {
        state.scenario = (await api(`/scenarios/${state.scenarioId}/versions/${state.view.scenarioVersion}`)).document;
      }
    }
    draw();
    fillReportVisits();
    fillResources(requestContext);
    await fillRequestForm(requestContext);
    await followRuns();
    followImprovement();
  } catch (error) {
    showError(error.message);
  }
}

function draw() {
  const status = $("plan-status");
  if (!state.view) {
    fill($("calendar"), h("p", { class: "muted" }, "No plan yet."));
    fill($("unscheduled"));
    return;
  }
  const plan = state.view.plan;
  status.classList.remove("running");
  status.textContent = `Plan version ${state.view.version} · ${plan.status} · ${plan.totals.scheduled} scheduled, ${plan.totals.unscheduled} not`
    + (state.detail.latestVersion !== state.view.scenarioVersion ? " · the scenario changed since: plan again" : "");
  renderCalendar($("calendar"), { plan, scenario: state.scenario, mode: state.mode, selected: state.selected, moved: state.moved, onSelect: select });
  // Requests saved since the plan was made (in the latest scenario, not in the plan) are listed too.
  const listed = new Set(plan.visits.map((v) => v.id));
  const fresh = state.view.current ? (state.detail.document.visits || []).filter((v) => !listed.has(v.id)) : [];
  const waiting = [...plan.visits.filter((v) => !v.scheduled).map((v) => ({ id: v.id, reasons: v.reasons || [] })),
    ...fresh.map((v) => ({ id: v.id, client: v.client?.name || "", reasons: ["a new request, not planned yet"] }))];
  fill($("unscheduled"), waiting.map((v) => {
    const panel = h("div", { class: "options-panel", hidden: true });
    const accept = state.me.role === "coordinator" && state.view.current ? acceptButton(v.id) : null;
    return h("li", { dataset: { visit: v.id } }, h("strong", {}, `${v.id} ${v.client ?? clientOf(v.id)}`),
      mayAskOptions(v.id) ? optionsButton(state.scenarioId, v.id, panel) : null, accept,
      h("ul", {}, v.reasons.map((r) => h("li", { class: "reason" }, r))), panel);
  }));
  if (waiting.length === 0) fill($("unscheduled"), h("li", { class: "muted" }, "Every visit is scheduled."));
  if (state.selected) showDetails(state.selected);
}

/** A coordinator's "Accept" for a waiting visit: its best option, else the cheapest way in, into the plan on screen. */
function acceptButton(visitId) {
  const box = acceptButtons(requestContext, visitId, state.view.version, { fits: false, wayIn: {} });
  const button = box.querySelector("button");
  button.textContent = "Accept";
  button.classList.add("secondary", "options-button");
  return box;
}

/** Shows the progress of a running solve and reloads when it ends. */
async function followRuns() {
  clearTimeout(state.poll);
  const runs = await api(`/scenarios/${state.scenarioId}/runs`);
  const running = runs.find((r) => r.state === "running");
  if (!running) return;
  const p = running.progress;
  const status = $("plan-status");
  status.classList.add("running");
  status.textContent = `Planning… ${p ? `${p.seconds.toFixed(0)} s, best score ${p.bestScore?.toFixed(1) ?? "–"}, bound ${p.bound?.toFixed(1) ?? "–"}` : "starting"}`;
  state.poll = setTimeout(async () => {
    const run = await api(`/runs/${running.id}`);
    if (run.state === "running") followRuns(); else load();
  }, 1500);
}

async function planAgain() {
  try {
    await api(`/scenarios/${state.scenarioId}/plans`, { method: "POST", body: {} });
    await followRuns();
  } catch (error) { showError(error.details || error.message); }
}

// MARK: A better week, offered to coordinators

/** Looks for a better week near the current plan (once per plan version) and offers it in the banner. */
async function followImprovement() {
  clearTimeout(state.improvePoll);
  const view = state.view;
  if (state.me.role !== "coordinator" || !view || !view.current || state.detail.latestVersion !== view.scenarioVersion) {
    hideImprovement();
    return;
  }
  const scenarioId = state.scenarioId;
  try {
    let found = null;
    try { found = await api(`/scenarios/${scenarioId}/improvements/latest`); } catch (error) { if (error.status !== 404) throw error; }
    if (scenarioId !== state.scenarioId || view !== state.view) return;   // another plan is shown by now
    if (!found || found.basePlanVersion !== view.version) {
      found = await api(`/scenarios/${scenarioId}/improvements`, { method: "POST", body: {} });
    }
    if (found.state === "running") {
      state.improvePoll = setTimeout(followImprovement, 2000);
      return;
    }
    if (found.state === "ready" && found.current && found.basePlanVersion === view.version) showImprovement(found); else hideImprovement();
  } catch (error) {
    // The offer is a bonus: the calendar stays usable without it.
    console.warn("improvement search:", error.message);
  }
}

function showImprovement(found) {
  state.improvement = found;
  $("improvement-headline").textContent = `A better week is available: ${found.headline}`;
  $("improvement-score").textContent = `(score ${money(found.oldScore)} → ${money(found.newScore)}, the changes' cost counted)`;
  const added = (found.addedVisits || []).map((id) => {
    const v = found.plan.visits.find((p) => p.id === id);
    return h("li", { dataset: { visit: id } }, `${id} ${clientOf(id)}: added, ${v ? `${dayLabel(v.start.slice(0, 10))} ${timeOf(v.start)}–${timeOf(v.end)}` : ""}`);
  });
  const whole = new Set([...(found.addedVisits || []), ...(found.droppedVisits || [])]);
  const changed = (found.changes || []).filter((c) => !whole.has(c.visit)).map((c) =>
    h("li", { dataset: { visit: c.visit } }, `${c.visit}${c.item != null ? ` item ${c.item}` : ""}: ${c.what}`
      + `${c.from ? ` from ${c.from}` : ""}${c.to ? ` to ${c.to}` : ""}`));
  const dropped = (found.droppedVisits || []).map((id) => h("li", { dataset: { visit: id } }, `${id} ${clientOf(id)}: no longer planned`));
  fill($("improvement-changes"), added, changed, dropped);
  $("improvement-error").textContent = "";
  $("improvement").hidden = false;
}

function hideImprovement() {
  state.improvement = null;
  $("improvement").hidden = true;
}

async function acceptImprovement() {
  const found = state.improvement;
  if (!found) return;
  const button = $("improvement-accept");
  button.disabled = true;
  try {
    const result = await api(`/scenarios/${state.scenarioId}/improvements/${found.id}/accept`, { method: "POST" });
    hideImprovement();
    state.moved = new Set((result.plan.changes ?? []).map((c) => c.visit));
    await load();
    showResult(result);
  } catch (error) {
    if (error.status === 409) {
      hideImprovement();
      await load();
      showError(`The plan changed since this better week was found (it is now version ${error.body.currentVersion ?? "?"}); `
        + "the calendar has been reloaded and the search starts again.");
    } else {
      $("improvement-error").textContent = error.details || error.message;
    }
  } finally {
    button.disabled = false;
  }
}

async function ignoreImprovement() {
  const found = state.improvement;
  hideImprovement();
  if (!found) return;
  try { await api(`/scenarios/${state.scenarioId}/improvements/${found.id}/ignore`, { method: "POST" }); } catch (error) {
    console.warn("ignoring the improvement:", error.message);
  }
}

function select(visitId) {
  state.selected = visitId;
  for (const block of document.querySelectorAll(".block")) block.classList.toggle("selected", block.dataset.visit === visitId);
  showDetails(visitId);
  if ([...$("report-visit").options].some((o) => o.value === visitId)) { $("report-visit").value = visitId; fillReportVisit(); }
}

/** A visit's hotel booking: hotel, rooms, nights, and the price where the caller may see it. */
function bookingText(booking) {
  const hotel = (state.scenario.hotels || []).find((x) => x.id === booking.hotel)?.name || booking.hotel;
  const nights = booking.nights.map((night) => dayLabel(night)).join(", ");
  const rooms = `${booking.rooms} ${booking.roomType} room${booking.rooms === 1 ? "" : "s"}`;
  const count = booking.nights.length;
  const price = typeof booking.pricePerNight === "number"
    ? ` · ${booking.rooms} × ${count} × ${money(booking.pricePerNight)} = ${money(booking.rooms * count * booking.pricePerNight)}` : "";
  return `${hotel} · ${rooms} · night${count === 1 ? "" : "s"} of ${nights}${price}`;
}

/** What a visit not (yet) booked asks of a hotel. */
function stayText(stay) {
  const nights = (stay.nightsBefore || 0) + (stay.nightsAfter || 0);
  const rooms = stay.rooms ? `${stay.rooms} ${stay.roomType} room${stay.rooms === 1 ? "" : "s"}` : `${stay.roomType} rooms, ${stay.guestsPerRoom || 1} to a room`;
  return `${rooms}, ${nights} night${nights === 1 ? "" : "s"} (not booked)`;
}

function showDetails(visitId) {
  const planned = state.view.plan.visits.find((v) => v.id === visitId);
  const asked = request(visitId) || {};
  const client = asked.client || {};
  const rows = [
    ["Client", [client.name, client.industry, client.tier].filter(Boolean).join(" · ")],
    ["Contact", client.contact],
    ["Purpose", asked.purpose && asked.purpose.replace(/([A-Z])/g, " $1").toLowerCase()],
    ["Guests", (asked.guests || []).map((g) => g.title ? `${g.name} (${g.title})` : g.name).join("; ")],
    ["Meeting point", asked.meetingPoint],
    ["Headcount", asked.headcount && `${asked.headcount}${asked.language ? ` (${asked.language})` : ""}`],
    ["When", planned?.scheduled ? `${dayLabel(planned.start.slice(0, 10))} ${timeOf(planned.start)}–${timeOf(planned.end)}` : "not scheduled"],
    ["Window", asked.window && `${asked.window.earliest.replace("T", " ")} – ${asked.window.latest.replace("T", " ")}`],
    ["Host", planned?.host && staffName(planned.host)],
    ["Urgent", planned?.urgent ? "yes (short notice)" : null],
    ["Hotel", planned?.booking && bookingText(planned.booking)],
    ["Stay", !planned?.booking && asked.stay && stayText(asked.stay)],
  ].filter(([, value]) => value);
  const items = (planned?.items || []).map((item) => {
    const people = [...(item.technical || []), ...(item.sales || []), ...(item.guides || [])].map(staffName);
    const place = item.room ? `room ${item.room}` : item.route ? `route ${item.route}` : item.caterer ? `caterer ${item.caterer}` : "";
    const cost = typeof item.cost === "number" ? ` · ${item.diners} diners × ${money(item.pricePerHead)} = ${money(item.cost)}` : "";
    return h("li", { dataset: { item: String(item.agendaIndex ?? "") } },
      h("span", { class: "kind" }, item.kind), ` ${timeOf(item.start)}–${timeOf(item.end)} · ${place}${cost}`,
      people.length ? h("div", { class: "muted" }, people.join(", ")) : null);
  });
  // The printable run sheet: for coordinators and planners, and for the host of the visit.
  const mayPrint = planned?.scheduled && mayReadSheet(planned);
  const printSheet = mayPrint ? h("button", { type: "button", id: "runsheet", on: { click: async () => {
    try { await openPage(`/scenarios/${state.scenarioId}/plans/${state.view.version}/runsheets?visit=${encodeURIComponent(visitId)}`); }
    catch (error) { showError(error.details || error.message); }
  } } }, "Print run sheet") : null;
  // The visit's file after the plan: preparation, notes, feedback, follow-up (the host and coordinators record, planners read).
  const mayRecord = state.me.role === "coordinator" || (state.me.role === "host" && planned?.host === state.me.person);
  const openFile = mayPrint ? h("button", { type: "button", id: "visit-file-open", class: "secondary", on: { click: () =>
    showVisitFile(state.scenarioId, visitId, $("visit-file"), mayRecord) } }, "Preparation and follow-up") : null;
  $("visit-file").hidden = true;
  fill($("details"), h("h2", {}, `${visitId} ${client.name || ""}`),
    h("div", { class: "details" }, h("dl", {}, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
    items.length ? h("ul", { class: "agenda" }, items) : null, h("div", { class: "detail-actions" }, printSheet, openFile),
    planned && !planned.scheduled ? h("ul", {}, (planned.reasons || []).map((r) => h("li", { class: "reason" }, r))) : null);
}

// MARK: Reporting a change

/** The visits the caller may report on: a host's own, or every scheduled visit for a coordinator. */
function fillReportVisits() {
  if (!state.view) { fill($("report-visit")); return; }
  const previous = $("report-visit").value;
  const visits = state.view.plan.visits.filter((v) => v.scheduled && (state.me.role !== "host" || v.host === state.me.person))
    .sort((a, b) => a.start.localeCompare(b.start));
  fill($("report-visit"), visits.map((v) => h("option", { value: v.id }, `${v.id} ${clientOf(v.id)} · ${dayLabel(v.start.slice(0, 10))} ${timeOf(v.start)}`)));
  if (visits.some((v) => v.id === previous)) $("report-visit").value = previous;
  $("report-submit").disabled = visits.length === 0;
  if (visits.length === 0) $("report-error").textContent = state.me.role === "host" ? "You host no scheduled visit in this plan." : "";
  $("report-at").value = defaultReportTime();
  fillReportVisit();
  showReportFields();
}

/** Now on the site's clock, but never before the plan's own "now". */
function defaultReportTime() {
  const d = new Date();
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}T${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  const planNow = state.scenario.now || local;
  return local > planNow ? local : planNow;
}

function fillReportVisit() {
  const id = $("report-visit").value;
  const planned = state.view?.plan.visits.find((v) => v.id === id);
  const asked = request(id);
  if (!planned || !asked) return;
  fill($("report-item"), (planned.items || []).map((item, i) =>
    h("option", { value: String(item.agendaIndex ?? i) }, `${item.kind} ${timeOf(item.start)}–${timeOf(item.end)}`)));
  $("report-headcount").value = asked.headcount;
  const resources = new Map();
  for (const item of planned.items || []) {
    if (item.room) resources.set(item.room, `room ${item.room}`);
    if (item.route) resources.set(item.route, `route ${item.route}`);
    if (item.caterer) resources.set(item.caterer, `caterer ${item.caterer}`);
    for (const p of [...(item.technical || []), ...(item.sales || []), ...(item.guides || [])]) resources.set(p, staffName(p));
  }
  if (planned.host) resources.set(planned.host, `${staffName(planned.host)} (host)`);
  fill($("report-resource"), [...resources].map(([value, label]) => h("option", { value }, label)));
  $("report-from").value = planned.start;
  $("report-until").value = planned.end;
}

function showReportFields() {
  const type = $("report-type").value;
  for (const label of document.querySelectorAll("#report [data-for]")) label.hidden = !label.dataset.for.split(" ").includes(type);
}

function eventFromForm() {
  const type = $("report-type").value;
  const visit = $("report-visit").value;
  const at = $("report-at").value.slice(0, 16);
  const minutes = Number($("report-minutes").value);
  switch (type) {
    case "early": return { type: "arrivalShift", at, visit, minutes: -minutes };
    case "late": return { type: "arrivalShift", at, visit, minutes };
    case "cancelItem": return { type: "cancelItem", at, visit, item: Number($("report-item").value) };
    case "headcount": return { type: "headcountChange", at, visit, headcount: Number($("report-headcount").value) };
    case "cancelVisit": return { type: "cancelVisit", at, visit };
    default: return { type: "unavailable", at, resource: $("report-resource").value,
                      start: $("report-from").value.slice(0, 16), end: $("report-until").value.slice(0, 16) };
  }
}

async function submitReport(event) {
  event.preventDefault();
  $("report-error").textContent = "";
  const button = $("report-submit");
  button.disabled = true;
  button.textContent = "Replanning…";
  const reported = eventFromForm();
  state.reporting = true;   // this page loads the plan its report makes; the update stream need not
  try {
    const result = await api(`/scenarios/${state.scenarioId}/plans/${state.view.version}/events`, { method: "POST", body: [reported] });
    state.moved = new Set((result.plan.changes ?? []).map((c) => c.visit));
    state.selected = reported.visit || state.selected;
    await load();
    showResult(result);
  } catch (error) {
    if (error.status === 409) {
      $("report-error").textContent = `Someone else changed the plan first (it is now version ${error.body.currentVersion ?? "?"}). `
        + "The calendar has been reloaded: check it and report again if still needed.";
      await load();
    } else {
      $("report-error").textContent = error.details || error.message;
    }
  } finally {
    state.reporting = false;
    button.disabled = false;
    button.textContent = "Report and replan";
  }
}

function showResult(result) {
  const changes = result.plan.changes ?? [];
  const notify = result.plan.notify ?? [];
  $("result").hidden = false;
  $("result-summary").textContent = `Plan version ${result.version} replaces version ${result.basePlanVersion}: `
    + `${changes.length} change${changes.length === 1 ? "" : "s"}, ${notify.length} to tell.`;
  fill($("changes"), changes.length
    ? changes.map((c) => h("tr", { dataset: { visit: c.visit } },
        h("td", {}, c.visit), h("td", {}, c.item ?? ""), h("td", {}, c.what), h("td", {}, c.from ?? ""), h("td", {}, c.to ?? "")))
    : h("tr", {}, h("td", { colspan: "5", class: "muted" }, "Nothing had to move.")));
  fill($("notify"), notify.map((n) => h("li", { dataset: { person: n.person } }, h("strong", {}, staffName(n.person)), `: ${n.message}`)));
  $("result").scrollIntoView({ block: "nearest" });
}

main();
