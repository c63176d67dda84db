// visitplan: what every page shares, written once: the header with the navigation (the page
// shown marked) and the sign-in form. Imported first by each page's script, so the elements exist
// before the page's own code runs. A page may say who its tokens are for with
// <body data-signin-hint="...">.
import { h } from "./api.js";

const pages = [
  ["index.html", "calendar", "Calendar"],
  ["followups.html", "followups", "Follow-ups"],
  ["kpi.html", "kpi", "KPIs"],
  ["orders.html", "orders", "Orders"],
  ["archive.html", "archive", "Archive"],
  ["whatif.html", "whatif", "What-if"],
];

function mountChrome() {
  const here = location.pathname.split("/").pop() || "index.html";
  const links = pages.map(([file, name, title]) =>
    h("a", { href: file, id: `${name}-link`, "aria-current": file === here && "page" }, title));
  const header = h("header", { class: "top" }, h("h1", {}, "visitplan"), h("nav", {}, links), h("div", { class: "who", id: "who" }));
  const hint = document.body.dataset.signinHint || "Paste the token you were given.";
  const signin = h("form", { id: "signin", class: "card signin", hidden: true },
    h("h2", {}, "Sign in"), h("p", {}, hint),
    h("label", {}, "Token ", h("input", { id: "signin-token", type: "password", autocomplete: "off", required: true })),
    h("button", { type: "submit" }, "Sign in"),
    h("p", { class: "error", id: "signin-error", role: "alert" }));
  document.body.prepend(header, signin);
}

mountChrome();
