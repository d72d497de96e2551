// The JSON API as async functions; errors come back as ApiError carrying the server's one-line message.
import { toQuery } from "./dom.js";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const response = await fetch(path + toQuery(params), { headers: { accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, `${path}: the server sent no JSON (HTTP ${response.status})`);
  }
  if (!response.ok) throw new ApiError(response.status, body?.error ?? `HTTP ${response.status}`);
  return body;
}

export const api = {
  health: () => getJson("/api/health"),
  articles: (params) => getJson("/api/articles", params),
  article: (id) => getJson(`/api/articles/${encodeURIComponent(id)}`),
  claims: (params) => getJson("/api/claims", params),
  trace: (id) => getJson(`/api/claims/${encodeURIComponent(id)}/trace`),
  events: (params) => getJson("/api/events", params),
  timeline: (params) => getJson("/api/timeline", params),
  facets: () => getJson("/api/facets"),
  clusters: (params) => getJson("/api/clusters", params),
};
