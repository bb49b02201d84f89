"""`--profile`: time spent per build phase, and the Liquid engine's per-template table."""
from __future__ import annotations

import time


def tabulate(rows: list[tuple[str, ...]]) -> str:
    """A table as Jekyll prints it with terminal-table: header, rule, rows; first column left."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "| " + " | ".join(cells) + " |"

    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    return "\n" + "\n".join([line(rows[0]), rule] + [line(r) for r in rows[1:]]) + "\n"


def profile_build(site) -> str:
    """Run the build phase by phase (in one process, so every template is counted) and
    return Jekyll's 'Build Process Summary' and 'Site Render Stats' text."""
    site.config["jobs"] = 1
    rows = [("PHASE", "TIME")]
    total = 0.0
    for name, phase in (("RESET", site.reset), ("READ", site.read),
                        ("GENERATE", site.generate), ("RENDER", site.render),
                        ("CLEANUP", lambda: None), ("WRITE", site.write)):
        started = time.perf_counter()
        phase()
        spent = round(time.perf_counter() - started, 4)
        total += spent
        rows.append((name, f"{spent:.4f}"))
    rows.append(("TOTAL TIME", f"{total:.4f}"))
    return ("\nBuild Process Summary:\n" + tabulate(rows)
            + "\nSite Render Stats:\n" + site.liquid.profile_table())
