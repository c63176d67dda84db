// visitplan: caterers' order sheets of the current plan (GET /api/scenarios/{id}/plans/current/orders):
// every meal with what to cook (diners and dietary counts) and the host to ask; prices for
// coordinators and planners only. Printable as it is.
import "./chrome.js";
import { api, h, fill, signIn, scenarioPicker, money } from "./api.js";

const $ = (id) => document.getElementById(id);

async function main() {
  await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  await scenarioPicker($("scenario"));
  $("scenario").addEventListener("change", () => { $("caterer").value = ""; load(); });
  $("caterer").addEventListener("change", load);
  await load();
}

async function load() {
  $("app-error").textContent = "";
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    const caterer = $("caterer").value;
    const sheets = await api(`/scenarios/${encodeURIComponent(scenario)}/plans/current/orders${caterer ? `?caterer=${encodeURIComponent(caterer)}` : ""}`);
    if (!caterer) {
      fill($("caterer"), h("option", { value: "" }, "every caterer"), sheets.map((s) => h("option", { value: s.caterer }, s.caterer)));
    }
    fill($("sheets"), sheets.length === 0 ? h("p", { class: "muted card" }, "No meals in this plan.") : sheets.map((sheet) =>
      h("section", { class: "card", dataset: { caterer: sheet.caterer } }, h("h2", {}, `Orders for ${sheet.caterer}`),
        h("table", { class: "kpi-table" },
          h("thead", {}, h("tr", {}, ["When", "Visit", "Service", "What to cook", "Host", "Price per head"].map((t) => h("th", {}, t)))),
          h("tbody", {}, sheet.orders.map((o) => h("tr", {},
            h("td", {}, `${o.start.replace("T", " ")}–${o.end.slice(11)}`), h("td", {}, `${o.visit} ${o.client}`), h("td", {}, o.service),
            h("td", {}, o.cook), h("td", {}, o.host || ""), h("td", {}, o.pricePerHead == null ? "" : money(o.pricePerHead)))))))));
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

main();
