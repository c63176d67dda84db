// visitplan: visit requests from the people who make them (POST /api/scenarios/{id}/requests): the
// request form with its ranked options right after saving, the CSV upload, and the coordinator's
// Accept buttons (POST /api/scenarios/{id}/requests/{visit}/accept).
import { api, h, fill } from "./api.js";
import { renderOptions } from "./options.js";

const $ = (id) => document.getElementById(id);

/**
 * Wires the request card. `ctx`: { me, scenarioId(), scenario() (the latest scenario document),
 * planVersion(), reload() }.
 */
export function setUpRequests(ctx) {
  const mayRequest = ctx.me.role === "coordinator" || ctx.me.role === "business";
  $("request-card").hidden = !mayRequest;
  if (!mayRequest) return;
  $("request-form").addEventListener("submit", (event) => { event.preventDefault(); submitRequest(ctx); });
  $("import-form").addEventListener("submit", (event) => { event.preventDefault(); uploadCSV(ctx); });
}

/** Fills the form's lists from the scenario and the store: hosts, templates, tiers. */
export async function fillRequestForm(ctx) {
  if ($("request-card").hidden) return;
  const scenario = ctx.scenario();
  const hosts = (scenario.staff || []).filter((s) => (s.roles || []).includes("host"));
  const chosen = { host: $("rq-host").value, template: $("rq-template").value };
  fill($("rq-host"), h("option", { value: "" }, "no preference"), hosts.map((s) => h("option", { value: s.id }, s.name || s.id)));
  if (hosts.some((s) => s.id === chosen.host)) $("rq-host").value = chosen.host;
  try {
    const templates = await api("/agenda-templates");
    fill($("rq-template"), templates.map((t) => h("option", { value: t.name }, t.description ? `${t.description} (${t.name})` : t.name)));
    if (templates.some((t) => t.name === chosen.template)) $("rq-template").value = chosen.template;
    $("rq-template-note").textContent = templates.length ? "" : "No agenda templates yet: a coordinator adds them (PUT /api/agenda-templates/NAME).";
  } catch (error) {
    $("rq-template-note").textContent = error.message;
  }
  const start = scenario.horizon?.start;
  if (start && !$("rq-earliest").value) {
    $("rq-earliest").value = `${start}T09:00`;
    $("rq-latest").value = `${start}T17:00`;
  }
}

/** The form as a request document (only what was filled in). */
function requestFromForm() {
  const value = (id) => $(id).value.trim();
  const client = { name: value("rq-client") };
  for (const [key, id] of [["industry", "rq-industry"], ["tier", "rq-tier"], ["contact", "rq-contact"]]) if (value(id)) client[key] = value(id);
  const request = { client, headcount: Number(value("rq-headcount")), window: { earliest: value("rq-earliest"), latest: value("rq-latest") },
    agendaTemplate: value("rq-template") };
  if (value("rq-language")) request.language = value("rq-language");
  if (value("rq-purpose")) request.purpose = value("rq-purpose");
  if (value("rq-start")) request.preferredStart = value("rq-start");
  if (value("rq-host")) request.preferredHost = value("rq-host");
  if ($("rq-nda").checked) request.ndaSigned = true;
  const guests = value("rq-guests").split("\n").map((line) => line.trim()).filter(Boolean).map((line) => {
    const match = /^(.*?)\s*\((.*)\)$/.exec(line);
    return match ? { name: match[1], title: match[2] } : { name: line };
  });
  if (guests.length) request.guests = guests;
  const dietary = {};
  for (const part of value("rq-dietary").split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
    const [name, count] = part.split(":").map((p) => p.trim());
    dietary[name] = Number(count);
  }
  if (Object.keys(dietary).length) request.dietary = dietary;
  return request;
}

async function submitRequest(ctx) {
  const out = $("request-result");
  $("request-error").textContent = "";
  $("rq-submit").disabled = true;
  fill(out, h("p", { class: "muted" }, "Saving the request and looking for options…"));
  out.hidden = false;
  try {
    const saved = await api(`/scenarios/${encodeURIComponent(ctx.scenarioId())}/requests`, { method: "POST", body: requestFromForm() });
    const parts = [h("p", { class: "saved" }, h("strong", {}, `Saved as ${saved.visit}`),
      ` (scenario version ${saved.scenarioVersion}, plan version ${saved.planVersion}): it waits for a coordinator to accept it.`)];
    if (saved.options) {
      parts.push(h("div", { class: "options-panel", id: "request-options" }, renderOptions(saved.options)));
      if (ctx.me.role === "coordinator") parts.push(acceptButtons(ctx, saved.visit, saved.planVersion, saved.options));
    } else {
      parts.push(h("p", { class: "muted" }, `No options yet: ${saved.optionsError || "ask again with Options"}`));
    }
    fill(out, parts);
    out.scrollIntoView({ block: "start" });
    await ctx.reload();
  } catch (error) {
    fill(out);
    out.hidden = true;
    $("request-error").textContent = error.details || error.message;
  } finally {
    $("rq-submit").disabled = false;
  }
}

/** One Accept button per option (or one for the cheapest way in), for a coordinator. */
export function acceptButtons(ctx, visit, planVersion, options) {
  const box = h("div", { class: "accept-buttons" });
  const error = h("p", { class: "error", role: "alert" });
  const choices = options.fits ? options.options.map((o) => ({ label: `Accept option ${o.rank}`, option: o.rank }))
    : options.wayIn ? [{ label: "Accept the cheapest way in", option: null }] : [];
  for (const choice of choices) {
    const button = h("button", { type: "button", dataset: { accept: visit, option: choice.option ?? "way-in" } }, choice.label);
    button.addEventListener("click", async () => {
      for (const b of box.querySelectorAll("button")) b.disabled = true;
      error.textContent = "";
      try {
        const body = choice.option == null ? { planVersion } : { planVersion, option: choice.option };
        const done = await api(`/scenarios/${encodeURIComponent(ctx.scenarioId())}/requests/${encodeURIComponent(visit)}/accept`,
          { method: "POST", body });
        fill(box, h("p", { class: "accepted" }, `Accepted: ${visit} is in plan version ${done.version} (${done.taken}).`));
        await ctx.reload();
      } catch (failure) {
        error.textContent = failure.details || failure.message;
        for (const b of box.querySelectorAll("button")) b.disabled = false;
      }
    });
    box.append(button);
  }
  box.append(error);
  return box;
}

/** Sends the chosen CSV file; shows what was imported, or one line per bad row. */
async function uploadCSV(ctx) {
  const file = $("import-file").files[0];
  const out = $("import-result");
  if (!file) { out.textContent = "Choose a CSV file first."; return; }
  const text = await file.text();
  const skip = $("import-skip").checked ? "?skipBad=true" : "";
  fill(out, h("p", { class: "muted" }, "Importing…"));
  try {
    const done = await api(`/scenarios/${encodeURIComponent(ctx.scenarioId())}/requests/import${skip}`,
      { method: "POST", body: text, contentType: "text/csv" });
    fill(out, h("p", { class: "saved" }, `Imported ${done.visits.length}: ${done.visits.join(", ")}.`),
      done.skipped.length ? h("ul", { class: "row-errors" }, done.skipped.map((s) =>
        h("li", {}, `Row ${s.row}${s.column ? `, column ${s.column}` : ""}: ${s.message} (skipped)`))) : null);
    await ctx.reload();
  } catch (error) {
    fill(out, h("p", { class: "error" }, error.message),
      h("ul", { class: "row-errors" }, (error.body.issues || []).map((i) => h("li", {}, `${i.path}: ${i.message}`))));
  }
}
