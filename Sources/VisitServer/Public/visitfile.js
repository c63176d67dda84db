// visitplan: a visit's life after its plan (GET /api/scenarios/{id}/visits/{visit}/file): the
// preparation checklist, notes taken during the visit, the feedback form, the follow-up tasks,
// the outcome, incidents and files. Coordinators and the visit's host record; planners read.
import { api, h, fill, token, ApiError } from "./api.js";

const TOPICS = ["question", "suggestion", "intent", "other"];
const INTENTS = ["none", "exploring", "likely", "committed"];

/** Loads and shows the file of `visitId` in `panel`; `mayRecord`: the caller may add records. */
export async function showVisitFile(scenarioId, visitId, panel, mayRecord) {
  const base = `/scenarios/${encodeURIComponent(scenarioId)}/visits/${encodeURIComponent(visitId)}`;
  panel.hidden = false;
  fill(panel, h("p", { class: "muted" }, "Loading the visit's file…"));
  const error = h("p", { class: "error", role: "alert", id: "file-error" });
  async function record(body) {
    error.textContent = "";
    try {
      render(await api(`${base}/records`, { method: "POST", body }));
    } catch (failure) {
      error.textContent = failure.details || failure.message;
    }
  }
  function form(id, fields, label, toBody) {
    const element = h("form", { id, class: "file-form" }, fields, h("button", { type: "submit" }, label));
    element.addEventListener("submit", (event) => { event.preventDefault(); record(toBody(element)); });
    return element;
  }
  const field = (formElement, name) => formElement.querySelector(`[name=${name}]`).value.trim();
  const optional = (text) => (text ? text : undefined);

  function render(file) {
    const checklist = h("ul", { class: "checklist", id: "file-checklist" }, file.checklist.map((task) => {
      const box = h("input", { type: "checkbox", checked: task.done, disabled: !mayRecord, dataset: { task: task.key } });
      box.addEventListener("change", () => record({ kind: "checklist", task: task.key, done: box.checked }));
      return h("li", { class: task.overdue ? "overdue" : task.done ? "done" : "" },
        h("label", {}, box, ` ${task.title}`),
        h("div", { class: "muted" }, `${task.owner} · due ${task.due.replace("T", " ")}${task.overdue ? " · overdue" : ""}`));
    }));
    const followUps = h("ul", { class: "followups", id: "file-followups" }, file.followUps.length === 0
      ? h("li", { class: "muted" }, `The follow-up begins when the visit ends (${(file.end || "").replace("T", " ")}).`)
      : file.followUps.map((task) => h("li", { class: `state-${task.state}`, dataset: { task: task.key } },
        h("span", { class: "badge" }, task.state), ` ${task.title}`,
        h("div", { class: "muted" }, `${task.owner} · due ${task.due.replace("T", " ")}${task.doneAt ? ` · done ${task.doneAt.replace("T", " ")}` : ""}${task.note ? ` · ${task.note}` : ""}`),
        mayRecord && (task.state === "open" || task.state === "overdue")
          ? h("button", { type: "button", class: "secondary small", on: { click: () => record({ kind: "task", task: task.key, state: "done" }) } }, "Done")
          : null)));
    const notes = h("ul", { class: "notes", id: "file-notes" }, file.notes.map((note) =>
      h("li", {}, h("span", { class: "badge" }, note.topic), ` ${note.text}`, h("div", { class: "muted" }, `${note.by} · ${note.at.replace("T", " ")}`))));
    const feedback = file.feedback
      ? h("p", { id: "file-feedback" }, `Satisfaction ${file.feedback.satisfaction}${file.feedback.excellent ? " (excellent)" : ""}, intent ${file.feedback.intent}`,
        file.feedback.onTime ? " · in within 24 h" : " · late",
        [file.feedback.suggestions, file.feedback.openQuestions, file.feedback.recommendedFollowUp].filter(Boolean).map((t) => h("div", { class: "muted" }, t)))
      : h("p", { class: "muted", id: "file-feedback" }, "No feedback yet (due within 24 hours of the visit's end).");
    const outcome = file.outcome ? h("p", { id: "file-outcome" }, `${file.outcome.result} on ${file.outcome.date}${file.outcome.note ? ` · ${file.outcome.note}` : ""}`) : null;
    const incidents = h("ul", { id: "file-incidents" }, file.incidents.map((i) =>
      h("li", {}, `${i.severity} ${i.type} (${i.points} points): ${i.description}`, h("div", { class: "muted" }, `${i.by} · ${i.at.replace("T", " ")}`))));
    const files = h("ul", { id: "file-files" }, file.files.map((f) =>
      h("li", {}, h("button", { type: "button", class: "link", on: { click: () => download(f) } }, f.name), h("span", { class: "muted" }, ` ${Math.ceil(f.size / 1024)} KiB · ${f.addedBy}`))));

    const section = (title, content) => h("details", { class: "record" }, h("summary", {}, title), content);
    const forms = mayRecord ? [
      section("Add a note",
      form("note-form", [h("label", {}, "Topic ", h("select", { name: "topic" }, TOPICS.map((t) => h("option", { value: t }, t)))),
        h("label", {}, "Note ", h("textarea", { name: "text", required: true, maxlength: 4000 }))], "Add note",
      (f) => ({ kind: "note", topic: field(f, "topic"), text: field(f, "text") }))),
      section("Feedback form",
      form("feedback-form", [h("label", {}, "Satisfaction (0-100) ", h("input", { name: "satisfaction", type: "number", min: 0, max: 100, required: true })),
        h("label", {}, "Cooperation intent ", h("select", { name: "intent" }, INTENTS.map((t) => h("option", { value: t }, t)))),
        h("label", {}, "Suggestions ", h("textarea", { name: "suggestions", maxlength: 4000 })),
        h("label", {}, "Open questions ", h("textarea", { name: "openQuestions", maxlength: 4000 })),
        h("label", {}, "Recommended follow-up ", h("textarea", { name: "recommendedFollowUp", maxlength: 4000 }))], "Send feedback",
      (f) => ({ kind: "feedback", satisfaction: Number(field(f, "satisfaction")), intent: field(f, "intent"),
                suggestions: optional(field(f, "suggestions")), openQuestions: optional(field(f, "openQuestions")),
                recommendedFollowUp: optional(field(f, "recommendedFollowUp")) }))),
      section("Outcome",
      form("outcome-form", [h("label", {}, "Result ", h("select", { name: "result" }, ["signed", "intent", "closed"].map((t) => h("option", { value: t }, t)))),
        h("label", {}, "Date ", h("input", { name: "date", type: "date", required: true }))], "Record outcome",
      (f) => ({ kind: "outcome", result: field(f, "result"), date: field(f, "date") }))),
      section("Incident",
      form("incident-form", [h("label", {}, "Type ", h("select", { name: "type" }, ["informationError", "complaint", "other"].map((t) => h("option", { value: t }, t)))),
        h("label", {}, "Severity ", h("select", { name: "severity" }, ["minor", "major", "critical"].map((t) => h("option", { value: t }, t)))),
        h("label", {}, "What happened ", h("textarea", { name: "description", required: true, maxlength: 4000 }))], "Record incident",
      (f) => ({ kind: "incident", type: field(f, "type"), severity: field(f, "severity"), description: field(f, "description") }))),
      section("Keep a file", uploadForm()),
    ] : [];

    function uploadForm() {
      const input = h("input", { type: "file", name: "file", accept: "image/jpeg,image/png,application/pdf,text/plain" });
      const element = h("form", { id: "file-upload", class: "file-form" }, input, h("button", { type: "submit" }, "Upload"));
      element.addEventListener("submit", async (event) => {
        event.preventDefault();
        const chosen = input.files[0];
        if (!chosen) return;
        error.textContent = "";
        const response = await fetch(`/api${base}/files?name=${encodeURIComponent(chosen.name)}`, {
          method: "POST", headers: { Authorization: `Bearer ${token() || ""}`, "Content-Type": chosen.type || "application/octet-stream" }, body: chosen });
        if (!response.ok) { const body = await response.json().catch(() => null); error.textContent = new ApiError(response.status, body).details; return; }
        render(await api(`${base}/file`));
      });
      return element;
    }

    fill(panel, h("h2", {}, `After the visit: ${file.visit}${file.client ? ` ${file.client}` : ""}`), error,
      h("h3", {}, "Preparation"), checklist,
      h("h3", {}, "Follow-up"), followUps,
      h("h3", {}, "Notes"), notes, h("h3", {}, "Feedback received"), feedback, outcome ? [h("h3", {}, "Outcome"), outcome] : null,
      file.incidents.length ? [h("h3", {}, "Incidents"), incidents] : null,
      file.files.length ? [h("h3", {}, "Files"), files] : null, forms);
  }

  async function download(entry) {
    const response = await fetch(entry.url, { headers: { Authorization: `Bearer ${token() || ""}` } });
    if (!response.ok) { error.textContent = `the file could not be fetched (${response.status})`; return; }
    const link = h("a", { href: URL.createObjectURL(await response.blob()), download: entry.name });
    link.click();
  }

  try {
    render(await api(`${base}/file`));
  } catch (failure) {
    fill(panel, h("p", { class: "error" }, failure.details || failure.message));
  }
}
