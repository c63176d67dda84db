// visitplan: the archive (GET /api/archive?client=&date=): a client's visits on a date in every
// scenario version, with their plan versions, the change events that touched them, what was
// recorded after the plan (checklist, notes, feedback, follow-ups, outcome, incidents) and files.
import "./chrome.js";
import { api, h, fill, signIn, token } from "./api.js";

const $ = (id) => document.getElementById(id);

async function main() {
  await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  $("archive-form").addEventListener("submit", (event) => { event.preventDefault(); search(); });
}

function describe(record) {
  switch (record.kind) {
    case "checklist": return `${record.done === false ? "unticked" : "ticked"} ${record.task}`;
    case "note": return `${record.topic || "note"}: ${record.text}`;
    case "feedback": return `feedback ${record.satisfaction}/100, intent ${record.intent}${record.suggestions ? ` · ${record.suggestions}` : ""}`;
    case "task": return `follow-up ${record.task} ${record.state}${record.note ? ` · ${record.note}` : ""}`;
    case "outcome": return `outcome ${record.result} on ${record.date}`;
    case "incident": return `${record.severity} ${record.type} (${record.points} points): ${record.description}`;
    default: return record.kind;
  }
}

async function download(file) {
  const response = await fetch(file.url, { headers: { Authorization: `Bearer ${token() || ""}` } });
  if (!response.ok) { $("app-error").textContent = `the file could not be fetched (${response.status})`; return; }
  h("a", { href: URL.createObjectURL(await response.blob()), download: file.name }).click();
}

async function search() {
  $("app-error").textContent = "";
  try {
    const found = await api(`/archive?client=${encodeURIComponent($("archive-client").value.trim())}&date=${encodeURIComponent($("archive-date").value)}`);
    $("archive-results").hidden = false;
    fill($("archive-results"), h("h2", {}, `${found.visits.length} visit${found.visits.length === 1 ? "" : "s"} of “${found.client}” on ${found.date}`),
      found.visits.map((v) => h("article", { class: "archived", dataset: { visit: v.visit } },
        h("h3", {}, `${v.visit} ${v.client} · ${v.scenario}`),
        h("ul", {}, v.plans.map((p) => h("li", {}, `plan ${p.version} (${p.origin}, ${p.createdAt}): `,
          p.visit.scheduled ? `${p.visit.start.replace("T", " ")}–${p.visit.end.slice(11)}${p.visit.host ? `, host ${p.visit.host}` : ""}` : "not scheduled"))),
        v.events.length ? [h("h4", {}, "Changes reported"), h("ul", {}, v.events.map((e) => h("li", {}, `${e.at.replace("T", " ")} ${e.type} by ${e.reportedBy}`)))] : null,
        v.records.length ? [h("h4", {}, "After the plan"), h("ul", { class: "records" }, v.records.map((r) => h("li", {}, `${r.at.replace("T", " ")} ${describe(r.record)}`, h("span", { class: "muted" }, ` · ${r.by}`))))] : null,
        v.files.length ? [h("h4", {}, "Files"), h("ul", {}, v.files.map((f) => h("li", {}, h("button", { type: "button", class: "link", on: { click: () => download(f) } }, f.name))))] : null)));
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

main();
