"""Which content file a failure was handling: for the one line that reports
a bug (tools/sitebuild.py), from a traceback, in the build's process or in
the checks' one beside it (plugins/lib/beside.py)."""

import os


def culprit(trace, content):
    """(the innermost content file a failing frame was handling, the
    innermost step of ours or Pelican's that failed)."""
    where, step = None, "the build"
    while trace:
        frame = trace.tb_frame
        code = frame.f_code
        if "/plugins/" in code.co_filename or "/pelican/" in code.co_filename:
            step = f"{os.path.basename(code.co_filename)} {code.co_name}()"
        for value in list(frame.f_locals.values()):
            path = content_path(value, content)
            where = path or where
        trace = trace.tb_next
    return where, step


def content_path(value, content):
    """The file under the content folder a local variable names, or None:
    a content object's source (even a missing one: a link to it may be what
    failed), or a string naming a file that exists."""
    try:
        named = getattr(value, "source_path", None)
    except Exception:  # noqa: BLE001 - any object may sit in a frame
        return None
    path = named or value
    if not isinstance(path, str) or not path or len(path) > 4096:
        return None
    full = os.path.abspath(os.path.join(content, path))
    if full.startswith(content + os.sep) and (named or os.path.lexists(full)):
        return full
    return None
