// visitplan: the week as a calendar. Days across, time down; inside each day one lane per room
// (or tour route, or caterer) or one lane per person; agenda items are blocks in their lanes.
import { h, fill, timeOf, dayLabel } from "./api.js";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** A light colour of its own for each visit (FNV-1a hash of the id, spread over the hues). */
function colourOf(id) {
  let hash = 2166136261;
  for (const c of id) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  hash = Math.imul(hash ^ (hash >>> 15), 2246822507) >>> 0;
  return `hsl(${hash % 360} 70% 85%)`;
}

/**
 * Places overlapping blocks of one lane side by side (a caterer serving two meals at once, a
 * route with two groups): each block gets a column and the number of columns of its cluster.
 */
function sideBySide(blocks, startOf, endOf) {
  const sorted = [...blocks].sort((a, b) => startOf(a) - startOf(b) || endOf(b) - endOf(a));
  const placed = new Map();
  let cluster = [];
  let columnEnds = [];
  let clusterEnd = -Infinity;
  const close = () => { for (const b of cluster) placed.get(b).columns = columnEnds.length; cluster = []; columnEnds = []; };
  for (const b of sorted) {
    if (startOf(b) >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= startOf(b));
    if (column < 0) { column = columnEnds.length; columnEnds.push(0); }
    columnEnds[column] = endOf(b);
    clusterEnd = cluster.length ? Math.max(clusterEnd, endOf(b)) : endOf(b);
    cluster.push(b);
    placed.set(b, { column, columns: 1 });
  }
  close();
  return placed;
}

function minuteOfDay(text) { const [hh, mm] = text.split(":").map(Number); return hh * 60 + mm; }

/** Every block of the plan, with the lane it belongs to in `mode` ("rooms" or "people"). */
function blocksOf(plan, scenario, mode) {
  const staffNames = new Map((scenario.staff || []).map((s) => [s.id, s.name || s.id]));
  const early = (scenario.policies && scenario.policies.hostArrivesEarlyMinutes) || 0;
  const blocks = [];
  for (const visit of plan.visits.filter((v) => v.scheduled)) {
    const items = visit.items || [];
    if (mode === "people") {
      if (visit.host) {
        blocks.push({ visit, item: null, lane: `person:${visit.host}`, laneLabel: staffNames.get(visit.host) || visit.host,
                      start: visit.start, end: visit.end, what: `host (from ${early} min before)` });
      }
      items.forEach((item, index) => {
        for (const [role, people] of [["guide", item.guides], ["technical", item.technical], ["sales", item.sales]]) {
          for (const person of people || []) {
            blocks.push({ visit, item, index, lane: `person:${person}`, laneLabel: staffNames.get(person) || person,
                          start: item.start, end: item.end, what: `${item.kind} (${role})` });
          }
        }
      });
    } else {
      items.forEach((item, index) => {
        const [kind, id, label] = item.room ? ["a", item.room, `Room ${item.room}`]
          : item.route ? ["b", item.route, `Tour ${item.route}`]
          : item.caterer ? ["c", item.caterer, `Meal ${item.caterer}`] : ["d", "other", "Other"];
        blocks.push({ visit, item, index, lane: `${kind}:${id}`, laneLabel: label, start: item.start, end: item.end, what: item.kind });
      });
    }
  }
  return blocks;
}

/** The dates to show: the horizon's working days, and any date holding a block. */
function datesOf(scenario, blocks) {
  const used = new Set(blocks.map((b) => b.start.slice(0, 10)));
  const calendar = scenario.calendar || {};
  const workingDays = new Set(calendar.workingDays || ["mon", "tue", "wed", "thu", "fri"]);
  const holidays = new Set(calendar.holidays || []);
  const dates = [];
  if (scenario.horizon) {
    for (let day = new Date(`${scenario.horizon.start}T00:00Z`); day <= new Date(`${scenario.horizon.end}T00:00Z`);
         day = new Date(day.getTime() + 86400000)) {
      const iso = day.toISOString().slice(0, 10);
      const working = workingDays.has(WEEKDAYS[day.getUTCDay()]) && !holidays.has(iso);
      if (working || used.has(iso)) dates.push({ date: iso, holiday: holidays.has(iso) });
      else if (holidays.has(iso)) dates.push({ date: iso, holiday: true });
    }
  }
  for (const date of used) if (!dates.some((d) => d.date === date)) dates.push({ date, holiday: false });
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Draws the calendar into `container`.
 * options: {plan, scenario, mode, selected (visit id), moved (Set of visit ids), onSelect(visitId)}
 */
export function renderCalendar(container, { plan, scenario, mode, selected, moved, onSelect }) {
  const blocks = blocksOf(plan, scenario, mode);
  const dates = datesOf(scenario, blocks);
  const hours = (scenario.calendar && scenario.calendar.workingHours) || { start: "08:30", end: "18:00" };
  let first = minuteOfDay(hours.start);
  let last = minuteOfDay(hours.end);
  for (const b of blocks) {
    first = Math.min(first, minuteOfDay(timeOf(b.start)));
    last = Math.max(last, b.end.slice(0, 10) > b.start.slice(0, 10) ? 1440 : minuteOfDay(timeOf(b.end)));
  }
  first = Math.floor(first / 60) * 60;
  last = Math.ceil(last / 60) * 60;
  const perMinute = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--minute")) || 1.1;
  const height = (last - first) * perMinute;
  const y = (minute) => `${(minute - first) * perMinute}px`;

  const gridlines = () => {
    const lines = [];
    for (let m = first; m <= last; m += 60) { const line = h("div", { class: "gridline" }); line.style.top = y(m); lines.push(line); }
    return lines;
  };

  const axisBody = h("div", { class: "axis-body" });
  axisBody.style.height = `${height}px`;
  for (let m = first; m <= last; m += 60) {
    const label = h("span", { class: "hour" }, `${String(m / 60).padStart(2, "0")}:00`);
    label.style.top = y(m);
    axisBody.append(label);
  }
  const columns = [h("div", { class: "axis", "aria-hidden": "true" }, h("div", { class: "day-head" }), h("div", { class: "lane-head" }), axisBody)];

  for (const { date, holiday } of dates) {
    const dayBlocks = blocks.filter((b) => b.start.slice(0, 10) === date);
    const lanes = [...new Map(dayBlocks.map((b) => [b.lane, b.laneLabel])).entries()]
      .sort((a, b) => (mode === "people" ? a[1].localeCompare(b[1]) : a[0].localeCompare(b[0])));
    const laneElements = lanes.map(([lane, label]) => {
      const body = h("div", { class: "lane-body" }, gridlines());
      body.style.height = `${height}px`;
      const laneBlocks = dayBlocks.filter((x) => x.lane === lane);
      const startOf = (b) => minuteOfDay(timeOf(b.start));
      const endOf = (b) => (b.end.slice(0, 10) > date ? 1440 : minuteOfDay(timeOf(b.end)));
      const columns = sideBySide(laneBlocks, startOf, endOf);
      for (const b of laneBlocks) {
        const start = startOf(b);
        const end = endOf(b);
        const client = (scenario.visits || []).find((v) => v.id === b.visit.id)?.client?.name || "";
        const block = h("button", {
          type: "button",
          class: ["block", b.visit.urgent ? "urgent" : "", b.visit.id === selected ? "selected" : "", moved && moved.has(b.visit.id) ? "moved" : ""].join(" ").trim(),
          dataset: { visit: b.visit.id, start: b.start, end: b.end, item: b.item ? String(b.item.agendaIndex ?? b.index) : "host", lane: b.lane },
          title: `${b.visit.id} ${client}: ${timeOf(b.start)}–${timeOf(b.end)} ${b.what}`,
          on: { click: () => onSelect(b.visit.id) },
        }, h("span", { class: "t" }, `${b.visit.id} ${client}`), h("br"), `${timeOf(b.start)}–${timeOf(b.end)} ${b.what}`);
        const { column, columns: count } = columns.get(b);
        block.style.top = y(start);
        block.style.height = `${Math.max(14, (end - start) * perMinute - 2)}px`;
        block.style.left = `calc(${(100 * column) / count}% + 2px)`;
        block.style.width = `calc(${100 / count}% - 4px)`;
        block.style.background = colourOf(b.visit.id);
        body.append(block);
      }
      return h("div", { class: "lane" }, h("div", { class: "lane-head", title: label }, label), body);
    });
    const head = h("div", { class: "day-head" }, h("span", {}, dayLabel(date) + (holiday ? " · holiday" : "")));
    columns.push(h("div", { class: "day", dataset: { date } }, head,
      laneElements.length ? h("div", { class: "day-lanes" }, laneElements)
                          : h("div", { class: "day-empty" }, holiday ? "Holiday" : "No visits")));
  }
  fill(container, columns);
}
