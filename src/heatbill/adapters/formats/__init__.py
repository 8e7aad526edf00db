"""File formats the utility exchanges with the outside world, parsed purely from bytes.

Each parser takes a file's bytes and its name (for messages) and returns typed rows, or raises
one `FileFormatError` listing every problem by file, line and field; nothing is written and
nothing is half-read. Reading the file from disk and refusing a file imported before (by its
SHA-256) is the import service's job.
"""
