"""The studio: a local authoring web app over one lesson (``python build.py studio SLUG``).

One job per module: ``csrf`` (the per-run token and the same-origin check every write passes),
``roundtrip`` (lesson.yaml edited with its comments, order and layout kept), ``files`` (the lesson
folder's files: read with a content hash, written atomically, never over a change made elsewhere),
``actions`` (what the author can do, as edits of the YAML), ``session`` (an action applied to the
files as they are on disk, with conflicts refused), ``history`` (undo), ``selection`` (a text
selection turned into a quote the lesson format can anchor), ``drafts`` (question drafts started from an
annotation), ``checks`` (``check``'s messages placed beside what they concern), ``state`` (the JSON the
page draws), ``preview`` (the lesson's student page), ``app`` (the WSGI routes), ``server`` (the HTTP server, with
timeouts and a cap on connections), ``command`` (the CLI).
"""
