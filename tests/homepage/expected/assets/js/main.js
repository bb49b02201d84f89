// Marks the masthead link of the section being read (aria-current), as the reader scrolls.
(() => {
  const links = Array.from(document.querySelectorAll(".masthead__menu a[href*='#']"));
  const sections = new Map();
  for (const link of links) {
    const id = decodeURIComponent(new URL(link.href).hash.slice(1));
    // The first heading with that id: an `.anchor` span may share it with its heading.
    const target = document.querySelector(`h1[id="${CSS.escape(id)}"], h2[id="${CSS.escape(id)}"]`) ||
      document.getElementById(id);
    if (target) sections.set(target, link);
  }
  if (sections.size === 0 || !("IntersectionObserver" in window)) return;

  const visible = new Set();
  const highlight = () => {
    // The topmost visible section wins; keep the last one when none is visible.
    const current = [...visible].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
    if (!current) return;
    for (const [target, link] of sections) {
      if (target === current) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    }
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    }
    highlight();
  }, { rootMargin: "-60px 0px -40% 0px" });
  for (const target of sections.keys()) observer.observe(target);
})();
