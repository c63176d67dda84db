// visitplan: what every page shares, written once: the header with the navigation (the page
// shown marked) and the sign-in form. Imported first by each page's script, so the elements exist
// before the page's own code runs. A page may say who its tokens are for with
// <body data-signin-hint="...">.
const pages = [
  ["index.html", "calendar", "Calendar"],
  ["followups.html", "followups", "Follow-ups"],
  ["kpi.html", "kpi", "KPIs"],
  ["orders.html", "orders", "Orders"],
  ["archive.html", "archive", "Archive"],
  ["whatif.html", "whatif", "What-if"],
];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function mountChrome() {
  const here = location.pathname.split("/").pop() || "index.html";
  const links = pages.map(([file, name, title]) =>
    element("a", { href: file, id: `${name}-link`, ...(file === here ? { "aria-current": "page" } : {}) }, title));
  const header = element("header", { class: "top" },
    element("h1", {}, "visitplan"), element("nav", {}, ...links), element("div", { class: "who", id: "who" }));
  const hint = document.body.dataset.signinHint || "Paste the token you were given.";
  const signin = element("form", { id: "signin", class: "card signin", hidden: "" },
    element("h2", {}, "Sign in"), element("p", {}, hint),
    element("label", {}, "Token ", element("input", { id: "signin-token", type: "password", autocomplete: "off", required: "" })),
    element("button", { type: "submit" }, "Sign in"),
    element("p", { class: "error", id: "signin-error", role: "alert" }));
  document.body.prepend(header, signin);
}

mountChrome();
