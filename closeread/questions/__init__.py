"""Questions: generated from annotations by per-kind templates, and written by authors."""

# How each question type is named to students and teachers, on screen and on paper.
TYPE_LABELS = {
    "single": "choose one",
    "multiple": "choose all that apply",
    "sort": "reported or asserted",
    "find": "find in the text",
    "short": "short answer",
    "discussion": "discussion",
}


def option_letter(index: int) -> str:
    """The letter of the ``index``-th option (0-based) as paper prints it: A, B, C ... Z, then AA, AB ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def right_letters(options) -> str:
    """The right options of a choice question by their letters: "B" or "A, C, D"."""
    return ", ".join(option_letter(i) for i, o in enumerate(options) if o.correct)
