// visitplan: the ranked options of a visit not yet in the plan (GET /api/scenarios/{id}/plans/current/options?visit=):
// its lead time, the best placements without moving anyone, or what blocks it and the cheapest way in.
import { api, h, fill, timeOf, dayLabel, money } from "./api.js";

const LEAD = { standard: "standard notice", urgent: "urgent (short notice)", tooLate: "too late" };

/** An "Options" button that asks for the visit's options and shows them in `panel` (a second click hides them). */
export function optionsButton(scenarioId, visitId, panel) {
  const button = h("button", { type: "button", class: "secondary options-button", dataset: { options: visitId } }, "Options");
  button.addEventListener("click", async () => {
    if (!panel.hidden && panel.childElementCount > 0) { panel.hidden = true; return; }
    panel.hidden = false;
    button.disabled = true;
    fill(panel, h("p", { class: "muted" }, "Looking for options…"));
    try {
      const answer = await api(`/scenarios/${encodeURIComponent(scenarioId)}/plans/current/options?visit=${encodeURIComponent(visitId)}`);
      fill(panel, renderOptions(answer));
    } catch (error) {
      fill(panel, h("p", { class: "error" }, error.details || error.message));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** The answer as a small block: lead time, then the options or the blockers and the way in. */
export function renderOptions(answer) {
  const lead = answer.leadTime;
  const parts = [h("p", { class: "lead" }, `Lead time: ${LEAD[lead.leadTime] || lead.leadTime}`,
    lead.leadTime === "urgent" && lead.standardFrom ? ` · standard from ${dayLabel(lead.standardFrom.slice(0, 10))} ${timeOf(lead.standardFrom)}` : "")];
  if (answer.fits) {
    parts.push(h("ol", { class: "options" }, answer.options.map((o) => h("li", { dataset: { rank: o.rank } }, placement(o),
      h("span", { class: "score" }, ` · score ${money(o.score)} (${signed(o.scoreDelta)})`)))));
  } else {
    parts.push(h("p", {}, "It fits nowhere without moving other visits:"),
      h("ul", {}, answer.reasons.map((r) => h("li", { class: "reason" }, r))));
    const way = answer.wayIn;
    if (way) {
      parts.push(h("p", {}, h("strong", {}, "Cheapest way in: "), placement(way.placement)),
        h("ul", { class: "moves" }, way.moves.length === 0 ? h("li", {}, "No other visit moves.") : way.moves.map((m) =>
          h("li", {}, m.dropped ? `${m.visit}: dropped (was ${m.from})` : `${m.visit}: ${m.from} → ${m.to}`))),
        h("p", { class: "score" }, `The week's score ${money(way.scoreBefore)} → ${money(way.scoreAfter)}, `
          + `changes cost ${money(-way.disruption)}: net ${signed(way.scoreDelta)}; the rest of the week loses ${money(way.restOfWeekDrop)}.`));
    } else {
      parts.push(h("p", { class: "muted" }, `Cheapest way in: ${answer.wayInNote || "none found"}`));
    }
  }
  parts.push(h("p", { class: "muted" }, `Found in ${answer.solveSeconds.toFixed(2)} s.`));
  return parts;
}

/** "Wed 16 Dec 10:00–12:00 · host lisa.wong · room S-2 · tour demo-lab (chen.gang) · caterer office-pantry" */
function placement(o) {
  const bits = [`${dayLabel(o.day)} ${timeOf(o.start)}–${timeOf(o.end)}`, `host ${o.host}`];
  if (o.rooms.length) bits.push(`room ${o.rooms.join(", ")}`);
  if (o.routes.length) bits.push(`tour ${o.routes.join(", ")}${o.guides.length ? ` (${o.guides.join(", ")})` : ""}`);
  if (o.caterers.length) bits.push(`caterer ${o.caterers.join(", ")}`);
  if (o.urgent) bits.push("urgent");
  return bits.join(" · ");
}

function signed(x) { return `${x >= 0 ? "+" : "−"}${money(Math.abs(x))}`; }
