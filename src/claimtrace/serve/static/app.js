// The single-page shell: a hash router over the four views. Routes:
//   #/articles?q=…            article search          #/article/ID?claim=a1   article view
//   #/claims?actor=…&offset=… claims explorer         #/timeline?group_by=…   timeline chart
//   #/trace                   largest claim clusters  #/trace/ID              provenance of one claim
//   #/analyze                 paste a document (only when the server accepts writes)
import { api } from "./api.js";
import { el } from "./dom.js";
import { articleView } from "./views/article.js";
import { analyzeView } from "./views/analyze.js";
import { articlesView } from "./views/articles.js";
import { claimsView } from "./views/claims.js";
import { clustersView, provenanceView } from "./views/provenance.js";
import { timelineView } from "./views/timeline.js";

const main = document.getElementById("view");
const serverLine = document.getElementById("server");

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

function markNav(name) {
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function route() {
  const { parts, params } = parseHash();
  const [name = "claims", id] = parts;
  markNav(name === "article" ? "articles" : name);
  main.setAttribute("aria-busy", "true");
  try {
    if (name === "articles") await articlesView(main, params);
    else if (name === "analyze") analyzeView(main);
    else if (name === "article" && id) await articleView(main, id, params);
    else if (name === "timeline") await timelineView(main, params);
    else if (name === "trace" && id) await provenanceView(main, id);
    else if (name === "trace") await clustersView(main);
    else await claimsView(main, params);
    document.title = `claimtrace · ${name}`;
  } catch (error) {
    main.replaceChildren(el("p", { class: "error", role: "alert", "data-testid": "error" }, error.message));
  } finally {
    main.removeAttribute("aria-busy");
  }
}

async function showServer() {
  try {
    const health = await api.health();
    serverLine.textContent = `claimtrace ${health.version}${health.store ? "" : " · no store loaded"}`;
    if (health.write) document.getElementById("analyze-link").hidden = false;
  } catch (error) {
    serverLine.textContent = `server unreachable: ${error.message}`;
  }
}

window.addEventListener("hashchange", route);
showServer();
route();
