"""Questions: generated from annotations by per-kind templates, and written by authors."""
