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
