"""Render stage: turn lessons into the Markdown pages MkDocs publishes (HTML blocks, escaped text)."""
