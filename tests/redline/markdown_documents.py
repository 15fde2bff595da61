"""Random Markdown documents built from every kind of block a policy clause holds, and edits of them."""

import random

WORDS = "care team report garden tools seeds money meeting kind calm respect people".split()


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def paragraph(rng: random.Random) -> str:
    return rng.choice(
        [
            lambda: words(rng, rng.randint(3, 12)) + ".",
            lambda: f"{words(rng, 3)} *{words(rng, 2)}* {words(rng, 2)} **{words(rng, 1)}**.",
            lambda: (
                f"{words(rng, 3)} [{words(rng, 2)}](https://example.org/{rng.choice(WORDS)}) "
                f"{words(rng, 2)}."
            ),
        ]
    )()


def phrase(rng: random.Random) -> str:
    """A few words, now and then emphasised or linked, for list items and table cells."""
    text = words(rng, rng.randint(1, 4))
    return rng.choice(
        [text, text, f"*{text}*", f"[{text}](https://example.org/{rng.choice(WORDS)})"]
    )


def structure(rng: random.Random) -> str:
    kind = rng.choice(
        ["list", "nested", "ordered", "table", "code", "quote", "quoted list", "rule"]
    )
    lines = range(rng.randint(1, 4))
    if kind == "list":
        return "\n".join(f"- {phrase(rng)}" for _ in lines)
    if kind == "nested":
        return "\n".join(f"- {phrase(rng)}\n  - {phrase(rng)}" for _ in lines)
    if kind == "quoted list":
        return "\n".join(f"> - {phrase(rng)}" for _ in lines)
    if kind == "ordered":
        return "\n".join(f"{n + 1}. {words(rng, rng.randint(1, 5))}" for n in lines)
    if kind == "table":
        rows = (f"| {words(rng, 1)} | {phrase(rng)} |" for _ in lines)
        return "| A | B |\n| --- | --- |\n" + "\n".join(rows)
    if kind == "code":
        return "```\n" + "\n".join(words(rng, 3) for _ in lines) + "\n```"
    if kind == "quote":
        return "\n".join(f"> {words(rng, rng.randint(2, 6))}" for _ in lines)
    return "---"


def block(rng: random.Random) -> str:
    return paragraph(rng) if rng.random() < 0.4 else structure(rng)


def document(rng: random.Random) -> list[str]:
    return [block(rng) for _ in range(rng.randint(1, 4))]


def edited_line(rng: random.Random, line: str) -> str:
    """A word inserted or replaced; anything (a table row's last pipe too) may be the word replaced."""
    tokens = line.split(" ")
    if len(tokens) < 2 or line.startswith("```") or "---" in line:
        return line
    at = rng.randrange(1, len(tokens))
    if rng.random() < 0.5:
        tokens.insert(at, rng.choice(WORDS))
    else:
        tokens[at] = rng.choice(WORDS)
    return " ".join(tokens)


def edited_block(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    if rng.random() < 0.3 and text.startswith(("| A", "- ", "1. ", "> ")) and "\n  - " not in text:
        lines.append(lines[-1])
    else:
        at = rng.randrange(len(lines))
        lines[at] = edited_line(rng, lines[at])
    return "\n".join(lines)


def edited(rng: random.Random, blocks: list[str]) -> list[str]:
    """One to three edits: a block added, removed, or a line of one changed."""
    blocks = list(blocks)
    for _ in range(rng.randint(1, 3)):
        edit = rng.choice(["add", "remove", "change", "change"])
        if edit == "add":
            blocks.insert(rng.randint(0, len(blocks)), block(rng))
        elif edit == "remove" and len(blocks) > 1:
            del blocks[rng.randrange(len(blocks))]
        else:
            at = rng.randrange(len(blocks))
            blocks[at] = edited_block(rng, blocks[at])
    return blocks
