// visitplan: the coordinator's resource editor (PUT/DELETE /api/scenarios/{id}/resources/{list}/{id}):
// one room, tour route, person (with their leave), caterer or hotel at a time, as JSON; each change is a
// new scenario version, and the plan is kept when it still holds.
import { api, h, fill } from "./api.js";

const $ = (id) => document.getElementById(id);
const NEW = "\u0000new";

/** Wires the card for a coordinator. `ctx`: { me, scenarioId(), scenario() (the latest document), reload() }. */
export function setUpResources(ctx) {
  $("resources-card").hidden = ctx.me.role !== "coordinator";
  if ($("resources-card").hidden) return;
  $("res-list").addEventListener("change", () => fillResources(ctx));
  $("res-id").addEventListener("change", () => showEntry(ctx));
  $("resource-form").addEventListener("submit", (event) => { event.preventDefault(); save(ctx, false); });
  $("res-remove").addEventListener("click", () => save(ctx, true));
}

/** Lists the chosen list's entries (keeping the one chosen) and shows it. */
export function fillResources(ctx) {
  if ($("resources-card").hidden) return;
  const chosen = $("res-id").value;
  const entries = ctx.scenario()[$("res-list").value] || [];
  fill($("res-id"), entries.map((e) => h("option", { value: e.id }, e.name ? `${e.id} (${e.name})` : e.id)),
    h("option", { value: NEW }, "a new one…"));
  if (entries.some((e) => e.id === chosen) || chosen === NEW) $("res-id").value = chosen;
  showEntry(ctx);
}

function showEntry(ctx) {
  const id = $("res-id").value;
  const isNew = id === NEW;
  $("res-new-label").hidden = !isNew;
  $("res-remove").hidden = isNew;
  const entry = (ctx.scenario()[$("res-list").value] || []).find((e) => e.id === id);
  const { id: _, ...fields } = entry || {};
  $("res-json").value = JSON.stringify(fields, null, 2);
}

async function save(ctx, remove) {
  const out = $("resource-result");
  $("resource-error").textContent = "";
  out.textContent = "";
  const list = $("res-list").value;
  const id = $("res-id").value === NEW ? $("res-new-id").value.trim() : $("res-id").value;
  if (!id) { $("resource-error").textContent = "Give the new entry an id."; return; }
  const path = `/scenarios/${encodeURIComponent(ctx.scenarioId())}/resources/${list}/${encodeURIComponent(id)}`;
  try {
    const done = remove ? await api(path, { method: "DELETE" }) : await api(path, { method: "PUT", body: $("res-json").value });
    fill(out, h("span", { class: "saved" }, `${remove ? "Removed" : "Saved"} ${id}: scenario version ${done.scenarioVersion}. `),
      done.planKept ? `The plan still holds (plan version ${done.planVersion}).`
        : h("span", { class: "error" }, `The plan no longer holds: ${done.problems.join("; ")}. Plan again.`));
    await ctx.reload();
  } catch (error) {
    $("resource-error").textContent = error.details || error.message;
  }
}
