#!/usr/bin/env python3
"""Generate a Diataxis docs tree for benchmarking the docs checks (DESIGN §7).

    python3 bench/gen_docs.py <project-dir> <number-of-docs> [--links 10] [--seed 1]

writes <project-dir>/docs/ and copies the repository's tasks/docs.yaml to
<project-dir>/tasks/docs.yaml, so that `blumeops -C <project-dir> docs-check` works there.

The tree is clean: every check should find nothing (exit 0).

- four category folders, tutorials/ how-to/ reference/ explanation/, each with its index card
  <cat>/<cat>.md linking every other doc under the folder; larger trees nest docs in
  sub-folders of 250;
- a root index.md linking the four index cards;
- every doc has frontmatter with `title`, `modified` and `tags` (some also `last-reviewed`,
  `aliases`; how-to docs sometimes `status`/`requires`), a few paragraphs, and `--links`
  wiki-links to other docs' stems in every valid form ([[stem]], [[stem|text]],
  [[stem#Heading]], ![[stem]]) plus a [[#Heading]] link to itself;
- code spans and fenced code blocks contain [[...]] examples that are not links;
- stems are unique across the tree.
"""

import argparse
import os
import random
import shutil

CATEGORIES = ["tutorials", "how-to", "reference", "explanation"]
PREFIX = {"tutorials": "tutorial", "how-to": "howto", "reference": "ref", "explanation": "about"}
WORDS = (
    "caddy zot forgejo prometheus loki grafana argocd tailscale pulumi ansible indri sifaka "
    "ringtail backup restore certificate registry mirror kustomize manifest secret vault "
    "storage snapshot network dns gateway proxy service ingress metrics alert dashboard"
).split()
TAGS = ["infra", "k8s", "ansible", "pulumi", "docs", "storage", "network", "observability", "security"]
FILLER = (
    "This card describes how the homelab is operated from one git repository, which tool owns "
    "which layer, and what to check before and after a change. Keep changes small and reviewed."
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("count", type=int, help="number of docs, index cards included (at least 8)")
    parser.add_argument("--links", type=int, default=10, help="wiki-links per doc (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tasks-file", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                            "..", "tasks", "docs.yaml"),
                        help="the docs.yaml to copy into <root>/tasks/ (default: the repository's)")
    args = parser.parse_args()
    if args.count < 8:
        parser.error("count must be at least 8")

    rng = random.Random(args.seed)
    docs_dir = os.path.join(args.root, "docs")
    os.makedirs(os.path.join(args.root, "tasks"), exist_ok=True)
    shutil.copyfile(args.tasks_file, os.path.join(args.root, "tasks", "docs.yaml"))

    # Plan the docs: (category, relative path, stem); index cards and index.md come on top.
    plain = args.count - len(CATEGORIES) - 1
    per_category = {c: plain // len(CATEGORIES) + (1 if i < plain % len(CATEGORIES) else 0)
                    for i, c in enumerate(CATEGORIES)}
    docs = []
    for category in CATEGORIES:
        n = per_category[category]
        nested = n > 500
        for i in range(n):
            word = WORDS[(i * 7 + len(category)) % len(WORDS)]
            stem = f"{PREFIX[category]}-{i:05d}-{word}"
            folder = f"{category}/group-{i // 250:03d}" if nested else category
            docs.append((category, f"{folder}/{stem}.md", stem))
    stems = [d[2] for d in docs]
    assert len(set(stems)) == len(stems)
    index_stems = list(CATEGORIES)

    def write(path, text):
        full = os.path.join(docs_dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def frontmatter(title, category, i):
        lines = ["---", f"title: {title}", f"modified: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                 f"tags: [{TAGS[i % len(TAGS)]}, {TAGS[(i + 1 + i % 7) % len(TAGS)]}]"]
        if i % 3 == 0:
            lines.append(f"last-reviewed: 2025-{1 + (i * 7) % 12:02d}-{1 + (i * 3) % 28:02d}")
        if i % 11 == 0:
            lines.append(f"aliases: [{title.lower().replace(' ', '-')}-alias]")
        if category == "how-to" and i % 4 == 0:
            lines += ["status: active", "requires: [kubectl, op]"]
        lines.append("---")
        return "\n".join(lines) + "\n"

    # Plain docs.
    for n, (category, path, stem) in enumerate(docs):
        title = stem.split("-", 2)[2].capitalize() + f" {n}"
        targets = rng.sample(range(len(stems)), min(args.links + 1, len(stems)))
        targets = [t for t in targets if stems[t] != stem][: args.links]
        links = []
        for k, t in enumerate(targets):
            target = stems[t]
            form = (n + k) % 4
            if form == 0:
                links.append(f"[[{target}]]")
            elif form == 1:
                links.append(f"[[{target}|{target.split('-', 2)[2]} notes]]")
            elif form == 2:
                links.append(f"[[{target}#Overview]]")
            else:
                links.append(f"![[{target}]]")
        body = [frontmatter(title, category, n), f"# {title}", "", "## Overview", "", FILLER, ""]
        for k in range(0, len(links), 3):
            body.append(f"See {', '.join(links[k:k + 3])} for related steps. {FILLER}")
            body.append("")
        body += [f"Back to the [[#Overview]] or the [[{category}]] index.", "",
                 "Examples that are not links: `[[not-a-link]]` in a code span, and a fence:", "",
                 "```markdown", "[[example-target]] and ![[example-embed]]", "```", ""]
        write(path, "\n".join(body))

    # Index cards: each links every other doc under its folder.
    for i, category in enumerate(CATEGORIES):
        members = [d for d in docs if d[0] == category]
        lines = [frontmatter(category.capitalize(), category, i), f"# {category.capitalize()}", "",
                 "Other sections: " + ", ".join(f"[[{c}]]" for c in CATEGORIES if c != category), ""]
        lines += [f"- [[{stem}]]" for _, _, stem in members]
        write(f"{category}/{category}.md", "\n".join(lines) + "\n")

    write("index.md", frontmatter("BlumeOps docs", "", 0) + "# BlumeOps docs\n\n"
          + "\n".join(f"- [[{c}]]" for c in index_stems) + "\n")


if __name__ == "__main__":
    main()
