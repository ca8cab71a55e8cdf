// marsad web UI: a little behaviour on top of server-rendered pages (no libraries, nothing remote).
"use strict";

// Hovering or focusing an entity mention outlines every mention of the same entity.
function linkMentions(root) {
  const byEntity = new Map();
  root.querySelectorAll("[data-entity]").forEach((el) => {
    const id = el.dataset.entity;
    if (!id) return;
    if (!byEntity.has(id)) byEntity.set(id, []);
    byEntity.get(id).push(el);
  });
  byEntity.forEach((els) => {
    const on = () => els.forEach((e) => e.classList.add("active"));
    const off = () => els.forEach((e) => e.classList.remove("active"));
    els.forEach((el) => {
      el.addEventListener("mouseenter", on);
      el.addEventListener("mouseleave", off);
      el.addEventListener("focus", on);
      el.addEventListener("blur", off);
    });
  });
}

// Clicking a legend entry hides or shows that kind of highlight in the text.
function legendToggles(root) {
  const text = document.getElementById("text");
  if (!text) return;
  root.querySelectorAll(".legend [data-toggle]").forEach((el) => {
    el.addEventListener("click", () => {
      const kind = el.dataset.toggle;
      el.classList.toggle("off");
      if (kind.startsWith("ent-")) {
        text.querySelectorAll("." + kind).forEach((m) => m.classList.toggle("plain-mark"));
      } else {
        text.classList.toggle("hidden-" + kind);
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  linkMentions(document);
  legendToggles(document);
});
