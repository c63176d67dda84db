// visitplan: the follow-up list (GET /api/scenarios/{id}/followups): every follow-up task of the
// visits that have ended, by due time; a host sees their own. "Done" records the task as done.
import "./chrome.js";
import { api, h, fill, signIn, scenarioPicker } from "./api.js";

const $ = (id) => document.getElementById(id);
let me = null;

async function main() {
  me = await signIn();
  $("signin").hidden = true;
  $("app").hidden = false;
  await scenarioPicker($("scenario"));
  $("scenario").addEventListener("change", load);
  $("overdue-only").addEventListener("change", load);
  await load();
}

async function load() {
  $("app-error").textContent = "";
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    const list = await api(`/scenarios/${encodeURIComponent(scenario)}/followups`);
    $("followups-now").textContent = `As of ${list.now.replace("T", " ")} (the site's time).`;
    const tasks = list.tasks.filter((t) => !$("overdue-only").checked || t.state === "overdue");
    const mayRecord = me.role === "coordinator" || me.role === "host";
    fill($("followups").tBodies[0], tasks.length === 0 ? h("tr", {}, h("td", { colspan: 6, class: "muted" }, "Nothing to follow up.")) :
      tasks.map((t) => h("tr", { class: `state-${t.state}`, dataset: { visit: t.visit, task: t.key } },
        h("td", {}, t.due.replace("T", " ")), h("td", {}, `${t.visit}${t.client ? ` ${t.client}` : ""}`), h("td", {}, t.title),
        h("td", {}, t.owner), h("td", {}, h("span", { class: "badge" }, t.state)),
        h("td", {}, mayRecord && (t.state === "open" || t.state === "overdue")
          ? h("button", { type: "button", class: "secondary small", on: { click: () => done(scenario, t) } }, "Done") : null))));
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

async function done(scenario, task) {
  try {
    await api(`/scenarios/${encodeURIComponent(scenario)}/visits/${encodeURIComponent(task.visit)}/records`,
      { method: "POST", body: { kind: "task", task: task.key, state: "done" } });
    await load();
  } catch (error) {
    $("app-error").textContent = error.details || error.message;
  }
}

main();
