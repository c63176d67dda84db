// visitplan: the what-if page. Posts variants of a scenario, follows the run, and compares each
// variant with the base: visits placed, score, catering cost, utilisation, urgent visits, solve
// time, and what differs.
import "./chrome.js";
import { api, h, fill, signIn, money } from "./api.js";

const $ = (id) => document.getElementById(id);
let scenarioId = null;
let poll = null;

const EXAMPLE = `# Each variant applies to a copy of the scenario.
variants:
  - name: second-showroom-guide
    add: {staff: [{id: new.guide, name: New Guide, roles: [guide], languages: [zh, en], routes: [showroom]}]}
  - name: banquet-400
    set: {policies.mealBudgetPerHead.banquet: 400}
  - name: double-demand
    scaleDemand: 2
`;

async function main() {
  const me = await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  if (me.role === "host") {
    fill($("app"), h("p", { class: "card" }, "What-if comparisons are for coordinators and planners."));
    return;
  }
  $("variants").value = EXAMPLE;
  const scenarios = await api("/scenarios");
  fill($("scenario"), scenarios.map((s) => h("option", { value: s.id }, s.id)));
  scenarioId = localStorage.getItem("visitplan-scenario");
  if (!scenarios.some((s) => s.id === scenarioId)) scenarioId = scenarios[0]?.id;
  $("scenario").value = scenarioId;
  $("scenario").addEventListener("change", () => { scenarioId = $("scenario").value; history(); });
  $("whatif").addEventListener("submit", run);
  await history();
}

async function run(event) {
  event.preventDefault();
  $("whatif-error").textContent = "";
  clearTimeout(poll);
  const seconds = Number($("time-limit").value) || 30;
  try {
    const started = await api(`/scenarios/${scenarioId}/whatifs?timeLimit=${seconds}`,
      { method: "POST", body: $("variants").value, contentType: "application/yaml" });
    follow(started.id);
  } catch (error) {
    $("whatif-error").textContent = error.details || error.message;
  }
}

async function follow(id) {
  const run = await api(`/whatifs/${id}`);
  if (run.state === "running") {
    const p = run.progress;
    $("whatif-status").textContent = `Planning… ${p ? `${p.finished} of ${p.total} plans done` : ""}`;
    poll = setTimeout(() => follow(id), 1500);
    return;
  }
  $("whatif-status").textContent = run.state === "done" ? "" : `The comparison ${run.state}: ${run.message || ""}`;
  if (run.comparison) show(run);
  history();
}

const percent = (x) => (typeof x === "number" ? `${(x * 100).toFixed(0)} %` : "");
const number = (x, digits = 1) => (typeof x === "number" ? x.toFixed(digits) : "");

/** The comparison table: one row per run, base first; a variant's figures are marked better or worse than the base. */
function show(run) {
  const runs = run.comparison.runs;
  const base = runs.find((r) => r.isBase);
  const columns = [
    ["Scheduled", (r) => r.statistics?.scheduled, 1],
    ["Unscheduled", (r) => r.statistics?.unscheduled, -1],
    ["Urgent", (r) => r.statistics?.urgent, 0],
    ["Score", (r) => r.score, 1, (x) => number(x)],
    ["Catering cost", (r) => r.statistics?.cateringCost, -1, money],
    ["Rooms used", (r) => r.statistics?.roomUtilisation, 0, percent],
    ["Guides used", (r) => r.statistics?.guideUtilisation, 0, percent],
    ["Solve s", (r) => r.solveSeconds, 0, (x) => number(x, 2)],
    ["Status", (r) => r.status, 0],
  ];
  $("comparison-card").hidden = false;
  $("comparison-title").textContent = `Comparison of ${run.comparison.base} (run ${run.id})`;
  fill($("comparison"),
    h("thead", {}, h("tr", {}, h("th", {}, "Run"), columns.map(([name]) => h("th", {}, name)))),
    h("tbody", {}, runs.map((r) => h("tr", { dataset: { run: r.name } },
      h("td", {}, r.name, r.error ? h("div", { class: "error" }, r.error) : null),
      columns.map(([, value, better, format]) => {
        const v = value(r);
        const b = base ? value(base) : undefined;
        const mark = !r.isBase && better && typeof v === "number" && typeof b === "number" && v !== b
          ? ((v - b) * better > 0 ? "better" : "worse") : "";
        return h("td", { class: mark }, format ? format(v) : v ?? "");
      })))));
  fill($("differences"), runs.filter((r) => !r.isBase).map((r) => {
    const d = r.differences;
    const lines = [];
    if (r.notes?.length) lines.push(...r.notes.map((n) => `Note: ${n}`));
    if (d) {
      if (d.newlyPlaced.length) lines.push(`Now scheduled: ${d.newlyPlaced.join(", ")}`);
      for (const x of d.newlyDropped) lines.push(`No longer scheduled: ${x.id}${x.reasons.length ? ` (${x.reasons[0]})` : ""}`);
      if (d.addedScheduled.length) lines.push(`Added and scheduled: ${d.addedScheduled.length}`);
      if (d.addedUnscheduled.length) lines.push(`Added but not scheduled: ${d.addedUnscheduled.join(", ")}`);
      if (d.removed.length) lines.push(`Removed: ${d.removed.join(", ")}`);
      for (const x of d.rearranged) lines.push(`${x.id}: ${x.changes.join("; ")}`);
    }
    if (!lines.length) lines.push("Same plan as the base.");
    return [h("h3", {}, r.name + (r.description ? ` — ${r.description}` : "")), h("ul", { class: "diffs" }, lines.map((l) => h("li", {}, l)))];
  }));
}

async function history() {
  if (!scenarioId) return;
  const runs = await api(`/scenarios/${scenarioId}/whatifs`);
  fill($("history"), runs.length ? runs.map((r) => h("li", {},
    h("a", { href: "#", on: { click: (e) => { e.preventDefault(); follow(r.id); } } }, `Run ${r.id}`),
    ` · ${r.state} · ${r.startedAt.replace("T", " ").replace("Z", " UTC")} by ${r.startedBy}`)) : h("li", { class: "muted" }, "None yet."));
}

main();
