// visitplan: the reception KPIs of a month beside the month before (GET /api/reports/monthly), with
// the shares as bars, and the quarterly review (GET /api/reports/quarterly). Coordinators and planners.
import "./chrome.js";
import { api, h, fill, signIn } from "./api.js";

const $ = (id) => document.getElementById(id);

async function main() {
  const me = await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  if (me.role === "host") { $("app-error").textContent = "The KPIs are for coordinators and planners."; return; }
  const params = new URLSearchParams(location.search);
  $("kpi-month").value = params.get("month") || new Date().toISOString().slice(0, 7);
  $("kpi-form").addEventListener("submit", (event) => { event.preventDefault(); load(); });
  $("kpi-quarter").addEventListener("click", quarter);
  await load();
}

async function load() {
  $("app-error").textContent = "";
  const month = $("kpi-month").value;
  try {
    const answer = await api(`/reports/monthly?month=${encodeURIComponent(month)}`);
    const { current, previous } = answer.report;
    $("kpi-title").textContent = `Reception KPIs, ${current.month}`;
    $("kpi-current").textContent = current.month;
    $("kpi-previous").textContent = previous.month;
    fill($("kpi-table").tBodies[0], answer.rows.map((row) =>
      h("tr", { dataset: { figure: row.name } }, h("td", {}, row.name), h("td", {}, row.current), h("td", {}, row.previous), h("td", {}, row.change))));
    const shares = answer.rows.filter((row) => row.current.endsWith("%") || row.previous.endsWith("%"));
    fill($("kpi-bars"), shares.map((row) => {
      const bar = (text, kind) => {
        const element = h("div", { class: `bar ${kind}`, title: `${kind === "previous" ? previous.month : current.month}: ${text}` });
        element.style.width = text.endsWith("%") ? `${Math.min(100, parseFloat(text))}%` : "0";
        return element;
      };
      return [h("span", {}, row.name), h("div", {}, bar(row.previous, "previous"), bar(row.current, "current"))];
    }));
    $("kpi-card").hidden = false;
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

async function quarter() {
  const [year, month] = $("kpi-month").value.split("-").map(Number);
  const name = `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  try {
    const review = await api(`/reports/quarterly?quarter=${name}`);
    const lines = [`Quarterly review ${review.quarter}`, ""];
    for (const m of review.months) {
      lines.push(`${m.month}: ${m.visitsReceived} visits, satisfaction ${m.averageSatisfaction?.toFixed(1) ?? "-"}, ` +
        `converted ${m.conversionShare == null ? "-" : Math.round(m.conversionShare * 100) + " %"}, incident points ${m.incidentPoints}`);
    }
    lines.push("", "Best conversions:", ...(review.bestConversions.length ? review.bestConversions.map((c) => `  ${c.date} ${c.visitId} ${c.client || ""}: ${c.summary}`) : ["  none"]));
    lines.push("", "Complaints:", ...(review.complaints.length ? review.complaints.map((c) => `  ${c.date} ${c.visitId} ${c.client || ""}: ${c.summary}`) : ["  none"]));
    $("quarter-text").textContent = lines.join("\n");
    $("quarter-card").hidden = false;
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

main();
